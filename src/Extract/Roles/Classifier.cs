using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;

namespace Jixiao.Extract;

/// <summary>
/// A multiclass LightGBM model over fixed-length float vectors (Microsoft.ML): trained with a fixed seed on
/// one thread so the same samples give the same model, saved as an ML.NET zip, and scored thread-safely
/// (one prediction engine per thread: imports extract in parallel).
/// </summary>
internal sealed class Classifier : IDisposable
{
    public sealed class Sample
    {
        public float[] Features { get; set; } = Array.Empty<float>();
        public uint Label { get; set; }
    }

    public sealed class Prediction
    {
        public float[] Score { get; set; } = Array.Empty<float>();
    }

    /// <summary>How a model is trained: size of the trees and how many; small enough for a &lt; 1 MB file.</summary>
    public sealed record Settings(int Iterations = 60, int Leaves = 12, int MinLeaf = 5, double LearningRate = 0.2);

    readonly MLContext _ml;
    readonly ITransformer _model;
    readonly SchemaDefinition _schema;
    readonly ThreadLocal<PredictionEngine<Sample, Prediction>> _engines;

    public int Features { get; }
    public int Classes { get; }

    Classifier(MLContext ml, ITransformer model, int features, int classes)
    {
        (_ml, _model, Features, Classes) = (ml, model, features, classes);
        _schema = Schema(features, classes);
        _engines = new ThreadLocal<PredictionEngine<Sample, Prediction>>(
            () => _ml.Model.CreatePredictionEngine<Sample, Prediction>(_model, inputSchemaDefinition: _schema), trackAllValues: true);
    }

    /// <param name="labels">0-based class of each sample.</param>
    public static Classifier Train(IReadOnlyList<float[]> features, IReadOnlyList<int> labels, int classes, Settings settings, int seed = 7)
    {
        int length = features[0].Length;
        var ml = new MLContext(seed);
        // A key-typed column loaded from a class takes 0-based values (ML.NET stores value + 1): class k is score slot k.
        var rows = features.Select((f, i) => new Sample { Features = f, Label = (uint)labels[i] });
        var data = ml.Data.LoadFromEnumerable(rows, Schema(length, classes));
        var trainer = ml.MulticlassClassification.Trainers.LightGbm(new LightGbmMulticlassTrainer.Options
        {
            NumberOfIterations = settings.Iterations,
            NumberOfLeaves = settings.Leaves,
            MinimumExampleCountPerLeaf = settings.MinLeaf,
            LearningRate = settings.LearningRate,
            NumberOfThreads = 1,
            Seed = seed,
            Deterministic = true,
            Silent = true,
            UseSoftmax = true,
        });
        return new Classifier(ml, trainer.Fit(data), length, classes);
    }

    public void Save(Stream stream)
    {
        var empty = _ml.Data.LoadFromEnumerable(Array.Empty<Sample>(), _schema);
        _ml.Model.Save(_model, empty.Schema, stream);
    }

    public static Classifier Load(Stream stream)
    {
        var ml = new MLContext(7);
        var model = ml.Model.Load(stream, out var schema);
        var features = ((VectorDataViewType)schema["Features"].Type).Size;
        var classes = (int)((KeyDataViewType)schema["Label"].Type).Count;
        return new Classifier(ml, model, features, classes);
    }

    /// <summary>Class probabilities (index = class).</summary>
    public float[] Predict(float[] features)
    {
        var score = _engines.Value!.Predict(new Sample { Features = features }).Score;
        var p = new float[Classes];
        Array.Copy(score, p, Math.Min(score.Length, Classes));
        return p;
    }

    static SchemaDefinition Schema(int features, int classes)
    {
        var s = SchemaDefinition.Create(typeof(Sample));
        s["Features"].ColumnType = new VectorDataViewType(NumberDataViewType.Single, features);
        s["Label"].ColumnType = new KeyDataViewType(typeof(uint), (ulong)classes);
        return s;
    }

    public void Dispose()
    {
        foreach (var e in _engines.Values) e.Dispose();
        _engines.Dispose();
    }
}
