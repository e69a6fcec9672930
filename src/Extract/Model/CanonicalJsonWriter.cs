using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Jixiao.Extract;

/// <summary>
/// Writes the canonical JSON of an extraction straight to a <see cref="Utf8JsonWriter"/>, in the order and with
/// the omission rules the model's attributes give the serializer (<see cref="CanonicalJson.Options"/>, which still
/// reads it back). Why not the serializer: its property metadata is generic over value types (bool, int?,
/// double?) inside System.Text.Json, which ReadyToRun cannot precompile, and compiling it was most of the JSON
/// phase of a one-file `jixiao extract --json` (#20 start-up). CanonicalJsonWriterTests checks that both write
/// the same bytes, for every property of the model and on real files.
/// </summary>
internal static class CanonicalJsonWriter
{
    static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = CanonicalJson.Options.Encoder,
        Indented = true,
    };

    public static string Write(ExtractedDocument doc)
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("file", doc.File);
            w.WriteString("format", doc.Format);
            Array(w, "forms", doc.Forms, Form);
            if (doc.Warnings is not null) Strings(w, "warnings", doc.Warnings);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    static void Form(Utf8JsonWriter w, Form f)
    {
        w.WriteStartObject();
        w.WriteString("kind", f.Kind);
        w.WriteString("title", f.Title);
        Number(w, "year", f.Year);
        w.WriteString("unit", f.Unit);
        w.WriteString("department", f.Department);
        if (f.DeptCode is not null) w.WriteString("dept_code", f.DeptCode);
        w.WriteString("project", f.Project);
        w.WriteStartObject("fields");
        foreach (var (k, v) in f.Fields) w.WriteString(k, v);
        w.WriteEndObject();
        Array(w, "budget", f.Budget, Budget);
        Array(w, "projects", f.Projects, Project);
        Array(w, "goals", f.Goals, Goal);
        Array(w, "indicators", f.Indicators, Indicator);
        if (f.NeedsReview) w.WriteBoolean("needs_review", true);
        if (f.Confidence is { } c) w.WriteNumber("confidence", c);
        if (f.Source is not null) Source(w, f.Source);
        w.WriteEndObject();
    }

    static void Budget(Utf8JsonWriter w, BudgetFact b)
    {
        w.WriteStartObject();
        w.WriteString("item", b.Item);
        w.WriteString("column", b.Column);
        w.WriteString("value", b.Value);
        if (b.Source is not null) Source(w, b.Source);
        Reviewed(w, b);
        w.WriteEndObject();
    }

    static void Project(Utf8JsonWriter w, ProjectLine p)
    {
        w.WriteStartObject();
        w.WriteString("name", p.Name);
        w.WriteString("category", p.Category);
        w.WriteString("total", p.Total);
        w.WriteString("annual", p.Annual);
        w.WriteString("purpose", p.Purpose);
        w.WriteEndObject();
    }

    static void Goal(Utf8JsonWriter w, Goal g)
    {
        w.WriteStartObject();
        w.WriteString("label", g.Label);
        w.WriteString("text", g.Text);
        w.WriteEndObject();
    }

    static void Indicator(Utf8JsonWriter w, Indicator i)
    {
        w.WriteStartObject();
        w.WriteString("scope", i.Scope);
        w.WriteString("level1", i.Level1);
        w.WriteString("level2", i.Level2);
        w.WriteString("level3", i.Level3);
        w.WriteString("target", i.Target);
        w.WriteStartObject("history");
        foreach (var (k, v) in i.History) w.WriteString(k, v);
        w.WriteEndObject();
        w.WriteString("actual", i.Actual);
        w.WriteString("weight", i.Weight);
        w.WriteString("score", i.Score);
        w.WriteString("basis", i.Basis);
        w.WriteString("category", i.Category);
        w.WriteString("deviation", i.Deviation);
        if (i.TargetParsed is { } t)
        {
            w.WriteStartObject("target_parsed");
            w.WriteString("comparator", t.Comparator);
            Number(w, "number", t.Number);
            w.WriteString("unit", t.Unit);
            w.WriteBoolean("qualitative", t.Qualitative);
            w.WriteEndObject();
        }
        if (i.Source is not null) Source(w, i.Source);
        Reviewed(w, i);
        w.WriteEndObject();
    }

    /// <summary>The fields every reviewed value ends with (JsonPropertyOrder 100-102).</summary>
    static void Reviewed(Utf8JsonWriter w, ReviewedValue v)
    {
        if (v.Confidence is { } c) w.WriteNumber("confidence", c);
        if (v.Review) w.WriteBoolean("review", true);
        if (v.ReviewReasons is not null) Strings(w, "review_reasons", v.ReviewReasons);
    }

    static void Source(Utf8JsonWriter w, SourceRef s)
    {
        w.WriteStartObject("source");
        w.WriteNumber("block", s.Block);
        w.WriteNumber("row", s.Row);
        w.WriteNumber("col", s.Col);
        w.WriteEndObject();
    }

    static void Strings(Utf8JsonWriter w, string name, List<string> values) => Array(w, name, values, (w, s) => w.WriteStringValue(s));

    static void Array<T>(Utf8JsonWriter w, string name, List<T> items, Action<Utf8JsonWriter, T> write)
    {
        w.WriteStartArray(name);
        foreach (var item in items) write(w, item);
        w.WriteEndArray();
    }

    static void Number(Utf8JsonWriter w, string name, int? n)
    {
        if (n is { } v) w.WriteNumber(name, v);
        else w.WriteNull(name);
    }

    static void Number(Utf8JsonWriter w, string name, double? n)
    {
        if (n is { } v) w.WriteNumber(name, v);
        else w.WriteNull(name);
    }
}
