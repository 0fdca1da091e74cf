using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GAgent.Samples.Tests;

/// <summary>The existing-app sample: GAgent under /agent, behind the app's own authentication.</summary>
public sealed class ExistingAppTests : IClassFixture<WebApplicationFactory<Program>>, IDisposable
{
    private const string Token = "alice-token-change-me-0123456789abcdef";
    private readonly string _data = Path.Combine(Path.GetTempPath(), "gagent-existing-app-tests", Guid.NewGuid().ToString("N"));
    private readonly WebApplicationFactory<Program> _factory;

    public ExistingAppTests(WebApplicationFactory<Program> factory)
    {
        _factory = factory.WithWebHostBuilder(b => b.UseSetting("GAgent:DataDirectory", _data));
    }

    [Fact]
    public async Task The_apps_own_endpoints_still_work()
    {
        using var client = _factory.CreateClient();
        Assert.Contains("Existing app", await client.GetStringAsync("/"), StringComparison.Ordinal);
        using var orders = await client.GetAsync("/orders");
        Assert.Equal(HttpStatusCode.Unauthorized, orders.StatusCode);
    }

    [Theory]
    [InlineData("/agent/v1/models")]
    [InlineData("/agent/api/sessions")]
    [InlineData("/agent/status")]
    public async Task GAgent_requires_the_apps_authentication(string path)
    {
        using var anonymous = _factory.CreateClient();
        using var denied = await anonymous.GetAsync(path);
        Assert.Equal(HttpStatusCode.Unauthorized, denied.StatusCode);

        using var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using var allowed = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task GAgent_is_not_mounted_at_the_root()
    {
        using var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using var response = await client.GetAsync("/v1/models");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    public void Dispose()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }
}
