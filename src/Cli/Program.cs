using System.CommandLine;
using System.Text;
using Jixiao.Cli.Commands;

namespace Jixiao.Cli;

/// <summary>
/// The `jixiao` command. Wires the stages; each subcommand lives in Commands/ as one class.
/// Exit codes: 0 ok, 1 some files failed, 2 usage error.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        Console.OutputEncoding = Encoding.UTF8;
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var root = BuildRoot();
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors) Console.Error.WriteLine("jixiao: " + e.Message);
            return 2;
        }
        return parse.Invoke();
    }

    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("jixiao: import Chinese 绩效表 (performance tables) from Word, PDF, HTML, spreadsheets and text into a searchable archive.");
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
        Description = "Archive: a LiteDB file, or PostgreSQL as postgres://user@host/db or Host=…;Database=… (env JIXIAO_DB). Default: ./jixiao.db",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("JIXIAO_DB") ?? "jixiao.db",
        Recursive = true,
    };
}
