using System.Collections;
using System.Diagnostics;
using System.Text;

namespace GAgent.Packaging.Tests;

/// <summary>
/// Runs the dotnet CLI as a child process with a clean environment: the MSBuild and VSTest variables that
/// `dotnet test` leaves in the test host's environment are removed (they would redirect the nested build), and
/// node reuse and the shared compiler server are off so nothing outlives the test.
/// </summary>
internal static class DotNetCli
{
    public static string Executable { get; } = ResolveExecutable();

    /// <summary>Arguments that keep nested builds from leaving MSBuild nodes or a compiler server running.</summary>
    public static IReadOnlyList<string> NoLingeringProcesses { get; } = ["-nodeReuse:false", "-p:UseSharedCompilation=false"];

    /// <summary>Build output limited to errors, warnings and the summary.</summary>
    public static IReadOnlyList<string> QuietBuild { get; } = ["-v:q"];

    public static async Task<ProcessResult> RunAsync(
        IReadOnlyList<string> arguments,
        string workingDirectory,
        TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var output = new StringBuilder();
        using var process = Start(arguments, workingDirectory, output, environment);
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            throw new TimeoutException($"`{CommandLine(arguments)}` did not finish within {timeout}.\n{ProcessResult.Tail(Snapshot(output))}");
        }

        // The parameterless wait also drains the redirected streams.
        process.WaitForExit();
        return new ProcessResult(CommandLine(arguments), process.ExitCode, Snapshot(output));
    }

    /// <summary>Starts a process whose output is appended to <paramref name="output"/> (lock it to read).</summary>
    public static Process Start(
        IReadOnlyList<string> arguments,
        string workingDirectory,
        StringBuilder output,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var startInfo = new ProcessStartInfo(Executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        PrepareEnvironment(startInfo.Environment, environment);

        var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    public static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Append(line).Append('\n');
        }
    }

    private static void PrepareEnvironment(IDictionary<string, string?> target, IReadOnlyDictionary<string, string>? extra)
    {
        var inherited = target.Keys.Where(k =>
            k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)
            || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
            || k.StartsWith("TESTINGPLATFORM", StringComparison.OrdinalIgnoreCase)).ToList();
        foreach (var key in inherited)
        {
            target.Remove(key);
        }

        target["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        target["DOTNET_NOLOGO"] = "1";
        target["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        target["DOTNET_GENERATE_ASPNET_CERTIFICATE"] = "false";
        target["MSBUILDDISABLENODEREUSE"] = "1";
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            target[key] = value;
        }
    }

    private static string CommandLine(IEnumerable<string> arguments) =>
        "dotnet " + string.Join(' ', arguments.Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"\"{a}\"" : a));

    // The CLI tells child processes where its host is; fall back to the current host, then to PATH.
    private static string ResolveExecutable()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath))
        {
            return hostPath;
        }

        if (Environment.ProcessPath is { } processPath
            && Path.GetFileNameWithoutExtension(processPath).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return processPath;
        }

        return "dotnet";
    }
}
