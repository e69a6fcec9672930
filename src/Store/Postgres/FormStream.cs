using Npgsql;

namespace Jixiao.Store.Postgres;

/// <summary>
/// The forms' bodies document by document, from one streamed query (forms in document and form order), for
/// readers that walk rows in document order (export, verify): no query per form, nothing held beyond one
/// document's forms. Asked for documents in ascending id order.
/// </summary>
internal sealed class FormStream : IDisposable
{
    readonly NpgsqlConnection _c;
    readonly NpgsqlDataReader _r;
    bool _more;

    public FormStream(NpgsqlConnection c)
    {
        _c = c;
        _r = new NpgsqlCommand("SELECT document_id, id, body::text FROM forms ORDER BY document_id, idx", c).ExecuteReader();
        _more = _r.Read();
    }

    /// <summary>The forms of document <paramref name="documentId"/> in their order (form id, form as read back).</summary>
    public List<(int Id, Extract.Form Form)> Of(int documentId)
    {
        var forms = new List<(int, Extract.Form)>();
        while (_more && _r.GetInt32(0) < documentId) _more = _r.Read();
        for (; _more && _r.GetInt32(0) == documentId; _more = _r.Read())
            forms.Add((_r.GetInt32(1), FormBody.Read(_r.GetString(2))));
        return forms;
    }

    public void Dispose()
    {
        _r.Dispose();
        _c.Dispose();
    }
}
