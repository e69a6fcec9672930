using System.CommandLine;

namespace Jixiao.Cli.Commands;

/// <summary>The one list of subcommands, in the order `--help` shows them.</summary>
internal static class CommandSet
{
    public static IEnumerable<Command> All()
    {
        yield return ExtractCommand.Build();
        yield return DumpCommand.Build();
        yield return EvalCommand.Build();
        yield return ImportCommand.Build();
        yield return SearchCommand.Build();
        yield return ShowCommand.Build();
        yield return HistoryCommand.Build();
        yield return VerifyCommand.Build();
        yield return RebuildCommand.Build();
        yield return ReportCommand.Build();
        yield return ExportCommand.Build();
        yield return BenchCommand.Build();
        yield return TrainCommand.Build();
        // import, search, show, history, eval, dump, report, export, bench, train, verify register here
    }
}
