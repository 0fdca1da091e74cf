using System.Net;
using System.Text;
using System.Text.Json;

namespace GAgent.Packaging.Tests;

/// <summary>
/// The real first-use experience: a brand-new `dotnet new web` app adds GAgent.AspNetCore from the packed feed,
/// builds, runs on a free loopback port and answers <c>GET /v1/models</c>.
/// </summary>
[Collection(PackagingTestGroup.Name)]
[Trait("Category", "Packaging")]
public sealed class ConsumerAppTests(PackedFeedFixture feed)
{
    private const string ProjectName = "GAgentConsumer";

    private const string ProgramSource = """
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddGAgent().UseOfflineDemoModel();
        var app = builder.Build();
        app.MapGAgentEndpoints();
        app.Run();

        """;

    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task New_web_app_consumes_the_package_and_serves_v1_models_and_the_web_ui()
    {
        var work = Path.Combine(feed.RootDirectory, "consumer");
        var appDirectory = Path.Combine(work, ProjectName);
        var packagesDirectory = Path.Combine(work, "packages");
        Directory.CreateDirectory(work);

        // A private global packages folder, so a stale GAgent.* of the same version in ~/.nuget/packages never wins.
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = packagesDirectory };
        await File.WriteAllTextAsync(Path.Combine(work, "nuget.config"), NuGetConfig(feed.FeedDirectory, packagesDirectory));

        await RunAsync(["new", "web", "--name", ProjectName, "--output", appDirectory, "--no-restore", "--no-update-check"], work, environment);
        // No --source: it would replace the configured sources and hide nuget.org from the dependencies' restore.
        // The nuget.config's source mapping already pins GAgent.* to the temp feed.
        await RunAsync(["add", Path.Combine(appDirectory, ProjectName + ".csproj"), "package", "GAgent.AspNetCore", "--version", feed.Version], appDirectory, environment);
        Assert.True(Directory.Exists(Path.Combine(packagesDirectory, "gagent.aspnetcore", feed.Version)), "GAgent.AspNetCore was not restored into the private packages folder.");

        await File.WriteAllTextAsync(Path.Combine(appDirectory, "Program.cs"), ProgramSource);
        var outputDirectory = Path.Combine(appDirectory, "out");
        await RunAsync(["build", appDirectory, "-c", "Release", "--output", outputDirectory, .. DotNetCli.NoLingeringProcesses, .. DotNetCli.QuietBuild], appDirectory, environment);

        var port = FreeTcpPort.Next();
        var output = new StringBuilder();
        using var process = DotNetCli.Start([Path.Combine(outputDirectory, ProjectName + ".dll"), "--urls", $"http://127.0.0.1:{port}"], appDirectory, output, environment);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
            using var response = await PollAsync(http, process, output);
            var body = await response.Content.ReadAsStringAsync();

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET /v1/models returned {(int)response.StatusCode}: {body}");
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            using var json = JsonDocument.Parse(body);
            Assert.Equal("list", json.RootElement.GetProperty("object").GetString());
            Assert.Equal(JsonValueKind.Array, json.RootElement.GetProperty("data").ValueKind);

            // The web UI comes inside the package (built at pack time; the consumer needs no Node).
            using var page = await http.GetAsync(new Uri("/", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
            Assert.Contains("<div id=\"root\">", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
    }

    // Bounded: the app must answer within the startup timeout, and an app that exits early fails with its output.
    private static async Task<HttpResponseMessage> PollAsync(HttpClient http, System.Diagnostics.Process process, StringBuilder output)
    {
        var deadline = DateTime.UtcNow + StartupTimeout;
        while (true)
        {
            if (process.HasExited)
            {
                Assert.Fail($"The consumer app exited with {process.ExitCode} before answering.\n{ProcessResult.Tail(DotNetCli.Snapshot(output))}");
            }

            try
            {
                return await http.GetAsync(new Uri("/v1/models", UriKind.Relative));
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(250);
            }
            catch (HttpRequestException ex)
            {
                Assert.Fail($"The consumer app did not answer GET /v1/models within {StartupTimeout}: {ex.Message}\n{ProcessResult.Tail(DotNetCli.Snapshot(output))}");
            }
        }
    }

    private static async Task RunAsync(IReadOnlyList<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment) =>
        (await DotNetCli.RunAsync(arguments, workingDirectory, CommandTimeout, environment)).EnsureSuccess();

    // GAgent.* may only come from the temp feed; everything GAgent depends on comes from the normal nuget.org source.
    private static string NuGetConfig(string feedDirectory, string packagesDirectory) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <config>
            <add key="globalPackagesFolder" value="{packagesDirectory}" />
          </config>
          <packageSources>
            <clear />
            <add key="gagent-ci" value="{feedDirectory}" />
            <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
          </packageSources>
          <packageSourceMapping>
            <packageSource key="gagent-ci">
              <package pattern="GAgent.*" />
            </packageSource>
            <packageSource key="nuget.org">
              <package pattern="*" />
            </packageSource>
          </packageSourceMapping>
        </configuration>
        """;
}
