using Jixiao.Cli.Commands;
using Xunit;

namespace Jixiao.Cli.Tests;

/// <summary>`jixiao eval` prints the same figures as the reference scorer (score.py: round to 4, print 3 from the exact double).</summary>
public sealed class EvalFigureTests
{
    [Theory]
    [InlineData(38.0 / 49, "0.775")] // changsha_transfer_scan_p5: P 19/24, R 19/25; score.py prints 0.775
    [InlineData(0.9985, "0.999")]    // stored as 0.99850000…01: up, as in Python
    [InlineData(0.1235, "0.123")]    // stored as 0.12349999…: down, as in Python
    [InlineData(1.0, "1.000")]
    [InlineData(0.0, "0.000")]
    public void A_score_is_printed_as_score_py_prints_it(double f1, string printed) =>
        Assert.Equal(printed, EvalCommand.Figure(Math.Round(f1, 4, MidpointRounding.ToEven)));
}
