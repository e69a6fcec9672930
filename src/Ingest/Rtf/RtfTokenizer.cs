namespace Jixiao.Ingest.Rtf;

internal enum RtfTokenKind { GroupStart, GroupEnd, ControlWord, ControlSymbol, Text, HexByte, End }

/// <summary>One RTF token. Text tokens point into the source bytes (decoded later with the current code page).</summary>
internal readonly record struct RtfToken(RtfTokenKind Kind, string Word = "", int? Param = null, int Start = 0, int Length = 0, byte Byte = 0);

/// <summary>
/// RTF 1.9.1 lexical level over raw bytes: groups, control words (letters, optional signed number,
/// one delimiting space), control symbols, \'hh bytes and plain text. CR/LF in the source are not
/// text. \binN data is skipped here, bounded by the input length.
/// </summary>
internal sealed class RtfTokenizer(byte[] data)
{
    int _pos;

    public RtfToken Next()
    {
        while (_pos < data.Length)
        {
            byte b = data[_pos];
            switch (b)
            {
                case (byte)'{': _pos++; return new RtfToken(RtfTokenKind.GroupStart);
                case (byte)'}': _pos++; return new RtfToken(RtfTokenKind.GroupEnd);
                case (byte)'\r' or (byte)'\n' or 0: _pos++; continue;
                case (byte)'\\': return ReadControl();
                default: return ReadText();
            }
        }
        return new RtfToken(RtfTokenKind.End);
    }

    RtfToken ReadText()
    {
        int start = _pos;
        while (_pos < data.Length && data[_pos] is not ((byte)'\\' or (byte)'{' or (byte)'}' or (byte)'\r' or (byte)'\n' or 0)) _pos++;
        return new RtfToken(RtfTokenKind.Text, Start: start, Length: _pos - start);
    }

    RtfToken ReadControl()
    {
        _pos++; // backslash
        if (_pos >= data.Length) return new RtfToken(RtfTokenKind.End);
        byte c = data[_pos];
        if (!IsLetter(c))
        {
            _pos++;
            if (c == '\'' && _pos + 1 < data.Length && TryHex(data[_pos], data[_pos + 1], out var value))
            {
                _pos += 2;
                return new RtfToken(RtfTokenKind.HexByte, Byte: value);
            }
            // \{ \} \\ are literal text; \~ \- \_ \* and \<newline> (= \par) are symbols.
            if (c is (byte)'{' or (byte)'}' or (byte)'\\') return new RtfToken(RtfTokenKind.Text, Start: _pos - 1, Length: 1);
            if (c is (byte)'\r' or (byte)'\n') return new RtfToken(RtfTokenKind.ControlWord, "par");
            return new RtfToken(RtfTokenKind.ControlSymbol, ((char)c).ToString());
        }
        int start = _pos;
        while (_pos < data.Length && IsLetter(data[_pos]) && _pos - start < 64) _pos++;
        var word = System.Text.Encoding.ASCII.GetString(data, start, _pos - start);
        int? param = null;
        if (_pos < data.Length && (data[_pos] == '-' || IsDigit(data[_pos])))
        {
            bool negative = data[_pos] == '-';
            if (negative) _pos++;
            long n = 0;
            int digits = 0;
            while (_pos < data.Length && IsDigit(data[_pos]))
            {
                if (digits++ < 10) n = n * 10 + (data[_pos] - '0');
                _pos++;
            }
            param = (int)Math.Clamp(negative ? -n : n, int.MinValue, int.MaxValue);
        }
        if (_pos < data.Length && data[_pos] == ' ') _pos++;
        if (word == "bin" && param is > 0)
        {
            // Binary data follows: skip it, never past the end of the input.
            _pos = (int)Math.Min((long)_pos + param.Value, data.Length);
        }
        return new RtfToken(RtfTokenKind.ControlWord, word, param);
    }

    static bool IsLetter(byte b) => b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z';
    static bool IsDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';

    static bool TryHex(byte hi, byte lo, out byte value)
    {
        int h = Hex(hi), l = Hex(lo);
        value = (byte)(h * 16 + l);
        return h >= 0 && l >= 0;
    }

    static int Hex(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };
}
