using System.CommandLine;
using Jixiao.Ingest;

namespace Jixiao.Cli.Commands;

/// <summary>`jixiao dump FILE [--json]`: what the parser read, before any extraction.</summary>
internal static class DumpCommand
{
    public static Command Build()
    {
        var file = new Argument<string>("file") { Description = "A document of any supported format" };
        var json = new Option<bool>("--json") { Description = "Print {file, format, blocks:[…]} as JSON" };
        var cmd = new Command("dump", "Show the paragraphs and tables a parser read from a file") { file, json };
        cmd.SetAction(pr =>
        {
            var read = DocumentReader.Read(pr.GetValue(file)!);
            if (!read.Ok)
            {
                Console.Error.WriteLine(read.Error);
                return 1;
            }
            Console.WriteLine(pr.GetValue(json) ? DocumentDump.ToJson(read.Document!) : DocumentDump.ToText(read.Document!));
            return 0;
        });
        return cmd;
    }
}
