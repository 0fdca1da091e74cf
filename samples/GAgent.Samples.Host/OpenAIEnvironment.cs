namespace GAgent.Samples.Host;

/// <summary>Maps OpenAI's conventional environment variables onto the <c>GAgent:OpenAI</c> section, unless that section already sets them.</summary>
internal static class OpenAIEnvironment
{
    public static Dictionary<string, string?> ToConfiguration(IConfiguration configuration)
    {
        var values = new Dictionary<string, string?>();
        Map(configuration, values, "OPENAI_API_KEY", "GAgent:OpenAI:ApiKey");
        Map(configuration, values, "OPENAI_BASE_URL", "GAgent:OpenAI:Endpoint");
        Map(configuration, values, "OPENAI_MODEL", "GAgent:OpenAI:Model");
        if (values.ContainsKey("GAgent:OpenAI:ApiKey") && string.IsNullOrEmpty(configuration["GAgent:OpenAI:Model"]) && !values.ContainsKey("GAgent:OpenAI:Model"))
        {
            values["GAgent:OpenAI:Model"] = "gpt-4o-mini";
        }

        return values;
    }

    private static void Map(IConfiguration configuration, Dictionary<string, string?> values, string variable, string key)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        if (!string.IsNullOrWhiteSpace(value) && string.IsNullOrEmpty(configuration[key]))
        {
            values[key] = value;
        }
    }
}
