namespace GAgent.Packaging.Tests;

/// <summary>The outcome of a finished child process: exit code and interleaved stdout/stderr.</summary>
internal sealed record ProcessResult(string CommandLine, int ExitCode, string Output)
{
    private const int MaxOutputInMessage = 12_000;

    /// <summary>Throws with the command and the tail of its output unless it exited with 0.</summary>
    public ProcessResult EnsureSuccess()
    {
        if (ExitCode != 0)
        {
            throw new InvalidOperationException($"`{CommandLine}` exited with {ExitCode}.\n{Tail(Output)}");
        }

        return this;
    }

    public static string Tail(string output) =>
        output.Length <= MaxOutputInMessage ? output : "...\n" + output[^MaxOutputInMessage..];
}
