namespace Jixiao.Cli.ConsoleOutput;

/// <summary>The process exit codes, one list (also printed by --help).</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>Some files could not be read (import), or the archive could not be opened.</summary>
    public const int Failed = 1;
    /// <summary>A usage error: unknown command or option, a bad value, a path that does not exist.</summary>
    public const int Usage = 2;
    /// <summary>Interrupted by Ctrl-C (128 + SIGINT): what is written is kept, a re-run resumes.</summary>
    public const int Interrupted = 130;

    public const string Help = "Exit codes: 0 ok, 1 some files failed (or no archive), 2 usage error, 130 interrupted (Ctrl-C; a re-run resumes).";
}
