using System.Globalization;
using System.Reflection;
using System.Text;

namespace GAgent.PublicApi.Tests;

/// <summary>Formats constant values (field constants, parameter defaults) as C# literals.</summary>
internal static class CSharpLiterals
{
    public static string Format(object? value, Type type, Func<Type, string> typeName)
    {
        // Types come from a MetadataLoadContext, so they are compared by name, never with typeof.
        var isNullableValue = type.IsGenericType && type.GetGenericTypeDefinition().FullName == "System.Nullable`1";
        var underlying = isNullableValue ? type.GetGenericArguments()[0] : type;
        if (value is null)
        {
            return type.IsValueType && !isNullableValue ? "default" : "null";
        }

        if (underlying.IsEnum)
        {
            return FormatEnum(value, underlying, typeName);
        }

        return value switch
        {
            string s => Quote(s, '"'),
            char c => Quote(c.ToString(), '\''),
            bool b => b ? "true" : "false",
            float f => f.ToString("R", CultureInfo.InvariantCulture) + "f",
            double d => d.ToString("R", CultureInfo.InvariantCulture) + "d",
            decimal m => m.ToString(CultureInfo.InvariantCulture) + "m",
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "null",
        };
    }

    private static string FormatEnum(object value, Type enumType, Func<Type, string> typeName)
    {
        foreach (var field in enumType.GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            if (Equals(field.GetRawConstantValue(), value))
            {
                return typeName(enumType) + "." + field.Name;
            }
        }

        return "(" + typeName(enumType) + ")" + Convert.ToString(value, CultureInfo.InvariantCulture);
    }

    private static string Quote(string text, char quote)
    {
        var sb = new StringBuilder(text.Length + 2).Append(quote);
        foreach (var c in text)
        {
            _ = c switch
            {
                '\\' => sb.Append("\\\\"),
                '\n' => sb.Append("\\n"),
                '\r' => sb.Append("\\r"),
                '\t' => sb.Append("\\t"),
                '\0' => sb.Append("\\0"),
                _ when c == quote => sb.Append('\\').Append(c),
                _ when char.IsControl(c) => sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => sb.Append(c),
            };
        }

        return sb.Append(quote).ToString();
    }
}
