using System.Text;
using System.Text.Json;
using Jixiao.Cli.ConsoleOutput;
using Jixiao.Store;

namespace Jixiao.Cli.Export;

/// <summary>JSON Lines: one object per fact, UTF-8 without BOM; history stays an object ({"2022":"100%"}).</summary>
internal static class JsonlExport
{
    public static int Write(Stream output, IEnumerable<FactRow> rows)
    {
        using var w = new StreamWriter(output, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        var options = new JsonSerializerOptions(OutputFormats.Json) { WriteIndented = false };
        int n = 0;
        foreach (var r in rows)
        {
            var o = new Dictionary<string, object?>();
            var values = FactColumns.Values(r);
            for (int i = 0; i < FactColumns.Names.Length; i++)
            {
                var name = FactColumns.Names[i];
                if (name == "history") o[name] = r.History;
                else if (FactColumns.Numeric.Contains(name))
                    o[name] = double.TryParse(values[i], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : null;
                else if (name == "review") o[name] = r.Review;
                else if (name == "review_reasons") o[name] = r.ReviewReasons;
                else o[name] = values[i];
            }
            w.WriteLine(JsonSerializer.Serialize(o, options));
            n++;
        }
        return n;
    }
}
