using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using GAgent.AspNetCore.Tests.Infrastructure;

namespace GAgent.WebUI.Tests.Http;

/// <summary>How MapGAgentWebUI serves the embedded SPA over HTTP (no browser needed).</summary>
public sealed class WebUIServingTests
{
    [Fact]
    public async Task The_root_serves_index_html_with_no_cache_a_csp_and_a_base_href()
    {
        await using var host = await GAgentTestHost.StartAsync();
        using var response = await host.Client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-cache", response.Headers.GetValues("Cache-Control").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self' ws: wss:", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<base href=\"/\">", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"gagent-api-base\" content=\"/\">", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("<script>|<script [^>]*>[^<]", html);
    }

    [Theory]
    [InlineData("/sessions/abc")]
    [InlineData("/p/settings")]
    public async Task Navigation_paths_fall_back_to_index_html(string path)
    {
        await using var host = await GAgentTestHost.StartAsync();
        using var response = await host.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<div id=\"root\">", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/nope")]
    [InlineData("/api")]
    [InlineData("/v1/nope")]
    [InlineData("/health/nope")]
    [InlineData("/status/x")]
    [InlineData("/assets/missing-12345678.js")]
    [InlineData("/favicon.ico")]
    public async Task Api_paths_and_missing_files_are_404s_never_html(string path)
    {
        await using var host = await GAgentTestHost.StartAsync();
        using var response = await host.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotEqual("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("<html", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_missing_file_is_a_problem_details_404()
    {
        await using var host = await GAgentTestHost.StartAsync();
        using var response = await host.Client.GetAsync("/assets/gone-abcdefgh.css");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Hashed_assets_are_immutable_compressed_and_answer_304_to_their_etag()
    {
        await using var host = await GAgentTestHost.StartAsync();
        var html = await host.Client.GetStringAsync("/");
        var script = System.Text.RegularExpressions.Regex.Match(html, "src=\"\\./(assets/[^\"]+\\.js)\"").Groups[1].Value;
        Assert.NotEmpty(script);

        using var plain = await host.Client.GetAsync("/" + script);
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Equal("public, max-age=31536000, immutable", plain.Headers.GetValues("Cache-Control").Single());
        Assert.Equal("application/javascript", plain.Content.Headers.ContentType?.MediaType);
        var etag = plain.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);
        var original = await plain.Content.ReadAsByteArrayAsync();

        using var brRequest = new HttpRequestMessage(HttpMethod.Get, "/" + script);
        brRequest.Headers.AcceptEncoding.ParseAdd("gzip, deflate, br");
        using var br = await host.Client.SendAsync(brRequest);
        Assert.Equal("br", br.Content.Headers.ContentEncoding.Single());
        Assert.Contains("Accept-Encoding", br.Headers.Vary);
        var compressed = await br.Content.ReadAsByteArrayAsync();
        Assert.True(compressed.Length < original.Length / 2);
        using (var decoder = new BrotliStream(new MemoryStream(compressed), CompressionMode.Decompress))
        using (var decoded = new MemoryStream())
        {
            await decoder.CopyToAsync(decoded);
            Assert.Equal(original, decoded.ToArray());
        }

        using var gzRequest = new HttpRequestMessage(HttpMethod.Get, "/" + script);
        gzRequest.Headers.AcceptEncoding.ParseAdd("gzip");
        using var gz = await host.Client.SendAsync(gzRequest);
        Assert.Equal("gzip", gz.Content.Headers.ContentEncoding.Single());
        Assert.NotEqual(etag, gz.Headers.ETag);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/" + script);
        conditional.Headers.IfNoneMatch.Add(etag);
        using var notModified = await host.Client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        using var head = await host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/" + script));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(original.Length, head.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task The_manifest_and_icons_are_served()
    {
        await using var host = await GAgentTestHost.StartAsync();
        using var manifest = await host.Client.GetAsync("/manifest.webmanifest");
        Assert.Equal(HttpStatusCode.OK, manifest.StatusCode);
        Assert.Equal("application/manifest+json", manifest.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-cache", manifest.Headers.GetValues("Cache-Control").Single());
        using var icon = await host.Client.GetAsync("/icon-192.png");
        Assert.Equal("image/png", icon.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Under_a_prefix_the_page_gets_the_prefixed_base_and_api_root()
    {
        await using var host = await GAgentTestHost.StartAsync(prefix: "/agent");
        var html = await host.Client.GetStringAsync("/agent/sessions/x");
        Assert.Contains("<base href=\"/agent/\">", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"gagent-api-base\" content=\"/agent/\">", html, StringComparison.Ordinal);
        using var root = await host.Client.GetAsync("/");
        Assert.Equal(HttpStatusCode.NotFound, root.StatusCode);
    }

    [Fact]
    public async Task A_ui_path_keeps_the_api_root_at_the_prefix()
    {
        await using var host = await GAgentTestHost.StartAsync(prefix: "/agent", settings: new Dictionary<string, string?> { ["GAgent:WebUI:Path"] = "/ui" });
        var html = await host.Client.GetStringAsync("/agent/ui/");
        Assert.Contains("<base href=\"/agent/ui/\">", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"gagent-api-base\" content=\"/agent/\">", html, StringComparison.Ordinal);
        using var models = await host.Client.GetAsync("/agent/v1/models");
        Assert.Equal(HttpStatusCode.OK, models.StatusCode);
    }

    [Fact]
    public async Task The_ui_can_be_turned_off()
    {
        await using var host = await GAgentTestHost.StartAsync(settings: new Dictionary<string, string?> { ["GAgent:WebUI:Enabled"] = "false" });
        using var response = await host.Client.GetAsync("/");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_ui_is_served_without_an_api_key_while_the_api_keeps_its_check()
    {
        var key = new string('k', 40);
        await using var host = await GAgentTestHost.StartAsync(settings: new Dictionary<string, string?> { ["GAgent:ApiKeys:0:Key"] = key });
        using var page = await host.Client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        using var sessions = await host.Client.GetAsync("/api/sessions");
        Assert.Equal(HttpStatusCode.Unauthorized, sessions.StatusCode);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/sessions");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var allowed = await host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task Posting_to_a_ui_path_is_not_answered_with_html()
    {
        await using var host = await GAgentTestHost.StartAsync();
        using var response = await host.Client.PostAsync("/somewhere", new StringContent("x"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }
}
