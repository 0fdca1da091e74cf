using System.Net.Http.Json;
using System.Text.Json;

namespace GAgent.AspNetCore.Tests.Profiles;

/// <summary>Checks a ProblemDetails response: status, a detail that says something, and the field it names.</summary>
internal static class ProblemAssert
{
    public static async Task<JsonElement> IsAsync(HttpResponseMessage response, int status, string? param = null)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        if (param is not null)
        {
            Assert.Equal(param, problem.GetProperty("param").GetString());
        }

        return problem;
    }
}
