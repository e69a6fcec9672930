using LiteDB;

namespace Jixiao.Store;

/// <summary>
/// Parameterized query expressions. LiteDB's Query.EQ/GTE embed the value in the expression text, so every
/// distinct value compiles a new expression (milliseconds each: an import paid it per file). With a
/// parameter the text is constant and its compiled form is cached.
/// </summary>
internal static class Where
{
    public static BsonExpression Eq(string field, BsonValue value) => BsonExpression.Create($"$.{field} = @0", value);

    /// <summary>All of the given comparisons (field, operator, value) joined with AND; indexes still apply.</summary>
    public static BsonExpression All(IReadOnlyList<(string Field, string Op, BsonValue Value)> terms)
    {
        var text = string.Join(" AND ", terms.Select((t, i) => $"$.{t.Field} {t.Op} @{i}"));
        return BsonExpression.Create(text, terms.Select(t => t.Value).ToArray());
    }
}
