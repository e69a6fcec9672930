using System.Globalization;
using System.Text;

namespace Jixiao.Ingest.Sheet;

/// <summary>
/// Renders a date/time serial under a date section (y m d h s, AM/PM, [h] elapsed).
/// "m" means minutes right after an hour or right before a second, months otherwise (§18.8.31).
/// </summary>
internal static class DateFormatRenderer
{
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    static readonly string[] ChineseWeekdays = { "日", "一", "二", "三", "四", "五", "六" };

    enum Part { Literal, Year, Month, Minute, Day, Hour, Second, SubSecond, AmPm, Elapsed, Weekday }

    readonly record struct Piece(Part Part, string Text, int Count);

    /// <summary>Excel serial (1900 or 1904 system) to a date; null outside Excel's range.</summary>
    public static DateTime? FromSerial(double serial, bool date1904)
    {
        if (serial < 0 || serial > 2958465.99999) return null;
        var ticks = (long)Math.Round(serial * TimeSpan.TicksPerDay / TimeSpan.TicksPerMillisecond) * TimeSpan.TicksPerMillisecond;
        if (date1904) return new DateTime(1904, 1, 1).AddTicks(ticks);
        // The 1900 system counts a 29 Feb 1900 that never was (serial 60); serials before it are one day off.
        var epoch = serial < 61 ? new DateTime(1899, 12, 31) : new DateTime(1899, 12, 30);
        return epoch.AddTicks(ticks);
    }

    public static string? Render(FormatSection section, double serial, bool date1904)
    {
        var pieces = Pieces(section);
        bool subSeconds = pieces.Any(p => p.Part == Part.SubSecond);
        // Without shown fractions of a second Excel rounds to the nearest second.
        if (!subSeconds) serial = Math.Round(serial * 86400) / 86400;
        var when = FromSerial(serial, date1904);
        if (when is null) return null;
        var d = when.Value;
        bool twelveHour = pieces.Any(p => p.Part == Part.AmPm);
        var sb = new StringBuilder();
        foreach (var p in pieces)
        {
            switch (p.Part)
            {
                case Part.Literal: sb.Append(p.Text); break;
                case Part.Year: sb.Append(p.Count <= 2 ? (d.Year % 100).ToString("00", Inv) : d.Year.ToString("0000", Inv)); break;
                case Part.Month:
                    sb.Append(p.Count switch
                    {
                        1 => d.Month.ToString(Inv),
                        2 => d.Month.ToString("00", Inv),
                        3 => d.ToString("MMM", Inv),
                        5 => d.ToString("MMMM", Inv)[..1],
                        _ => d.ToString("MMMM", Inv),
                    });
                    break;
                case Part.Day:
                    sb.Append(p.Count switch
                    {
                        1 => d.Day.ToString(Inv),
                        2 => d.Day.ToString("00", Inv),
                        3 => d.ToString("ddd", Inv),
                        _ => d.ToString("dddd", Inv),
                    });
                    break;
                case Part.Weekday:
                    sb.Append(p.Count >= 4 ? "星期" : "周").Append(ChineseWeekdays[(int)d.DayOfWeek]);
                    break;
                case Part.Hour:
                {
                    int h = twelveHour ? (d.Hour % 12 == 0 ? 12 : d.Hour % 12) : d.Hour;
                    sb.Append(h.ToString(p.Count >= 2 ? "00" : "0", Inv));
                    break;
                }
                case Part.Minute: sb.Append(d.Minute.ToString(p.Count >= 2 ? "00" : "0", Inv)); break;
                case Part.Second: sb.Append(d.Second.ToString(p.Count >= 2 ? "00" : "0", Inv)); break;
                case Part.SubSecond:
                    sb.Append('.').Append((d.Millisecond / 1000.0).ToString("F" + p.Count, Inv).AsSpan(2));
                    break;
                case Part.AmPm:
                    bool pm = d.Hour >= 12;
                    sb.Append(p.Text switch
                    {
                        "A/P" => pm ? "P" : "A",
                        "上午/下午" => pm ? "下午" : "上午",
                        _ => pm ? "PM" : "AM",
                    });
                    break;
                case Part.Elapsed:
                {
                    var span = TimeSpan.FromDays(serial);
                    double total = p.Text[0] switch { 'h' => Math.Floor(span.TotalHours), 'm' => Math.Floor(span.TotalMinutes), _ => Math.Floor(span.TotalSeconds) };
                    sb.Append(total.ToString(new string('0', p.Text.Length), Inv));
                    break;
                }
            }
        }
        return sb.ToString();
    }

    static List<Piece> Pieces(FormatSection section)
    {
        var pieces = new List<Piece>();
        var tokens = section.Tokens;
        for (int i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.Kind == FormatTokenKind.AmPm) { pieces.Add(new(Part.AmPm, t.Text, 1)); continue; }
            if (t.Kind == FormatTokenKind.Elapsed) { pieces.Add(new(Part.Elapsed, t.Text, 1)); continue; }
            if (t.Kind != FormatTokenKind.Char) { pieces.Add(new(Part.Literal, t.Text, 0)); continue; }
            char c = char.ToLowerInvariant(t.Text[0]);
            int n = 1;
            while (i + n < tokens.Count && tokens[i + n].Kind == FormatTokenKind.Char && char.ToLowerInvariant(tokens[i + n].Text[0]) == c) n++;
            Part? part = c switch
            {
                'y' or 'e' => Part.Year,
                'm' => Part.Month,
                'd' => Part.Day,
                'h' => Part.Hour,
                's' => Part.Second,
                'a' when n >= 3 => Part.Weekday,
                '0' when pieces.Count > 0 && pieces[^1].Part == Part.Literal && pieces[^1].Text == "." => Part.SubSecond,
                _ => null,
            };
            if (part is null) { pieces.Add(new(Part.Literal, t.Text, 0)); continue; }
            if (part == Part.SubSecond) pieces.RemoveAt(pieces.Count - 1);
            pieces.Add(new(part.Value, t.Text, n));
            i += n - 1;
        }
        ResolveMinutes(pieces);
        return pieces;
    }

    static void ResolveMinutes(List<Piece> pieces)
    {
        for (int i = 0; i < pieces.Count; i++)
        {
            if (pieces[i].Part != Part.Month || pieces[i].Count > 2) continue;
            var before = Neighbour(pieces, i, -1);
            var after = Neighbour(pieces, i, +1);
            if (before is Part.Hour or Part.Elapsed || after is Part.Second or Part.Elapsed)
                pieces[i] = pieces[i] with { Part = Part.Minute };
        }
    }

    static Part? Neighbour(List<Piece> pieces, int i, int step)
    {
        for (int j = i + step; j >= 0 && j < pieces.Count; j += step)
            if (pieces[j].Part != Part.Literal) return pieces[j].Part;
        return null;
    }
}
