using System.CommandLine;
using System.Text;
using Jixiao.Cli.Commands;
using Jixiao.Cli.ConsoleOutput;

namespace Jixiao.Cli;

/// <summary>
/// The `jixiao` command. Wires the stages; each subcommand lives in Commands/ as one class.
/// Exit codes (<see cref="ExitCodes"/>): 0 ok, 1 some files failed, 2 usage error, 130 interrupted.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        Bench.PhaseClock.Mark("main");
        Console.OutputEncoding = Encoding.UTF8;
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var root = BuildRoot();
        if (args.Length == 0)
        {
            // A bare call is a usage error that deserves the help, not a one-line complaint.
            root.Parse("--help").Invoke();
            return ExitCodes.Usage;
        }
        var parse = root.Parse(args);
        Bench.PhaseClock.Mark("command line");
        if (parse.Errors.Count > 0)
        {
            if (parse.CommandResult.Command == root && args[0] is var first && !first.StartsWith('-'))
            {
                // An unknown command: one line naming it (not one per following word) and the near misses.
                Console.Error.WriteLine($"jixiao: unknown command '{TerminalText.Safe(first)}'");
                var near = CommandSuggestion.For(first, root);
                if (near.Count > 0) Console.Error.WriteLine("did you mean: " + string.Join(", ", near.Select(n => "jixiao " + n)) + "?");
            }
            else
                foreach (var e in parse.Errors) Console.Error.WriteLine("jixiao: " + TerminalText.Safe(e.Message));
            Console.Error.WriteLine($"run `jixiao {(parse.CommandResult.Command == root ? "" : parse.CommandResult.Command.Name + " ")}--help` for usage");
            return ExitCodes.Usage;
        }
        try
        {
            var code = parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
            Bench.PhaseClock.Mark("done");
            return code;
        }
        catch (Exception e) when (ConsoleOutput.ArchiveDamage.IsDamage(e))
        {
            Console.Error.WriteLine(ConsoleOutput.ArchiveDamage.Describe(e, parse.GetValue(GlobalOptions.Db)));
            return 1;
        }
    }

    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("jixiao: import Chinese 绩效表 (performance tables) from Word, PDF, HTML, spreadsheets and text into a searchable archive.\n" + ExitCodes.Help);
        root.Options.Add(GlobalOptions.Db);
        foreach (var c in CommandSet.All()) root.Subcommands.Add(c);
        return root;
    }
}

/// <summary>Options every subcommand understands.</summary>
public static class GlobalOptions
{
    public static readonly Option<string> Db = new("--db")
    {
        Description = "Archive: a LiteDB file, or PostgreSQL as postgres://user@host/db or Host=…;Database=… (the JIXIAO_DB variable, when set, replaces jixiao.db)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("JIXIAO_DB") ?? "jixiao.db",
        Recursive = true,
    };
}
