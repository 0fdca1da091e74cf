using System.ClientModel;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenAI;

namespace GAgent.AspNetCore.Tests.Infrastructure;

/// <summary>A real Kestrel server on 127.0.0.1 (random port) hosting GAgent, as an app would.</summary>
public sealed class GAgentTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string? _ownedDirectory;

    private GAgentTestHost(WebApplication app, Uri baseAddress, string dataDirectory, string? ownedDirectory)
    {
        _app = app;
        BaseAddress = baseAddress;
        DataDirectory = dataDirectory;
        _ownedDirectory = ownedDirectory;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri BaseAddress { get; }

    public string DataDirectory { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Starts a host. Without <paramref name="configure"/> it runs the offline demo model with no word delay.</summary>
    public static async Task<GAgentTestHost> StartAsync(
        Action<IGAgentBuilder>? configure = null,
        IDictionary<string, string?>? settings = null,
        string? dataDirectory = null,
        string prefix = "")
    {
        var owned = dataDirectory is null ? Path.Combine(Path.GetTempPath(), "gagent-tests", Guid.NewGuid().ToString("N")) : null;
        var directory = dataDirectory ?? owned!;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        var gagent = builder.Services.AddGAgent(o =>
        {
            o.DataDirectory = directory;

            // Tests about other features see exactly the tools they register; memory tests turn the built-ins back on.
            o.Memory.Tools = false;
            o.Learning.Enabled = false;
        });
        if (configure is null)
        {
            gagent.UseOfflineDemoModel(o => o.WordDelay = TimeSpan.Zero);
        }
        else
        {
            configure(gagent);
        }

        var app = builder.Build();
        app.MapGAgentEndpoints(prefix);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new GAgentTestHost(app, new Uri(address), directory, owned);
    }

    public OpenAIClient CreateOpenAIClient(string apiKey = "unused-by-loopback") =>
        new(new ApiKeyCredential(apiKey), new OpenAIClientOptions { Endpoint = new Uri(BaseAddress, "/v1"), NetworkTimeout = TimeSpan.FromSeconds(30) });

    public static HttpRequestMessage Request(HttpMethod method, string path, string? json = null, string? bearer = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        }

        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return request;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (_ownedDirectory is not null && Directory.Exists(_ownedDirectory))
        {
            Directory.Delete(_ownedDirectory, recursive: true);
        }
    }
}
