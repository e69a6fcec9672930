using Parquet;
using Parquet.Schema;

namespace Jixiao.Cli.Export;

/// <summary>
/// One Parquet file of typed columns filled row by row: each column knows its name, Parquet type and how a
/// row fills it; rows are buffered and written in row groups, so an archive of any size streams through.
/// </summary>
internal sealed class ParquetTable<TRow>
{
    abstract class Column
    {
        public abstract DataField Field { get; }
        public abstract void Add(TRow row);
        public abstract Task Write(ParquetRowGroupWriter g);
    }

    sealed class TextColumn(string name, Func<TRow, string?> get) : Column
    {
        readonly List<string?> _values = new();
        public override DataField Field { get; } = new DataField<string>(name, nullable: true);
        public override void Add(TRow row) => _values.Add(get(row));
        public override async Task Write(ParquetRowGroupWriter g) { await g.WriteAsync(Field, _values); _values.Clear(); }
    }

    sealed class Value<T>(string name, Func<TRow, T?> get) : Column where T : struct
    {
        readonly List<T?> _values = new();
        public override DataField Field { get; } = new DataField<T?>(name);
        public override void Add(TRow row) => _values.Add(get(row));
        public override async Task Write(ParquetRowGroupWriter g) { await g.WriteAsync<T>(Field, _values.ToArray().AsMemory()); _values.Clear(); }
    }

    sealed class Required<T>(string name, Func<TRow, T> get) : Column where T : struct
    {
        readonly List<T> _values = new();
        public override DataField Field { get; } = new DataField<T>(name);
        public override void Add(TRow row) => _values.Add(get(row));
        public override async Task Write(ParquetRowGroupWriter g) { await g.WriteAsync<T>(Field, _values.ToArray().AsMemory()); _values.Clear(); }
    }

    readonly List<Column> _columns = new();

    public ParquetTable<TRow> Text(string name, Func<TRow, string?> get) { _columns.Add(new TextColumn(name, get)); return this; }
    public ParquetTable<TRow> Int(string name, Func<TRow, int?> get) { _columns.Add(new Value<int>(name, get)); return this; }
    public ParquetTable<TRow> RequiredInt(string name, Func<TRow, int> get) { _columns.Add(new Required<int>(name, get)); return this; }
    public ParquetTable<TRow> RequiredLong(string name, Func<TRow, long> get) { _columns.Add(new Required<long>(name, get)); return this; }
    public ParquetTable<TRow> Double(string name, Func<TRow, double?> get) { _columns.Add(new Value<double>(name, get)); return this; }
    public ParquetTable<TRow> Bool(string name, Func<TRow, bool> get) { _columns.Add(new Required<bool>(name, get)); return this; }
    public ParquetTable<TRow> Time(string name, Func<TRow, DateTime> get) { _columns.Add(new Required<DateTime>(name, get)); return this; }

    /// <summary>The column names in file order (for the documented schema and the tests).</summary>
    public IEnumerable<string> Names => _columns.Select(c => c.Field.Name);

    const int RowGroupRows = 50_000;

    /// <summary>Writes <paramref name="rows"/> to <paramref name="path"/>; returns the row count.</summary>
    public int Write(string path, IEnumerable<TRow> rows) => WriteAsync(path, rows).GetAwaiter().GetResult();

    async Task<int> WriteAsync(string path, IEnumerable<TRow> rows)
    {
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(_columns.Select(c => (Field)c.Field).ToArray()), stream);
        int total = 0, pending = 0;
        async Task Flush()
        {
            using var g = writer.CreateRowGroup();
            foreach (var c in _columns) await c.Write(g);
            g.CompleteValidate();
            pending = 0;
        }
        foreach (var r in rows)
        {
            foreach (var c in _columns) c.Add(r);
            total++;
            if (++pending == RowGroupRows) await Flush();
        }
        // A file with no rows still gets one (empty) row group: readers then see the schema.
        if (pending > 0 || total == 0) await Flush();
        return total;
    }
}
