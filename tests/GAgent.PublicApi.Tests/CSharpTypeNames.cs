using System.Reflection;

namespace GAgent.PublicApi.Tests;

/// <summary>
/// Renders types the way C# spells them: keywords for built-in types, namespace-qualified names otherwise (so the
/// listing is unambiguous), <c>T?</c> for nullable value types and, when nullability is known, for nullable references.
/// </summary>
internal static class CSharpTypeNames
{
    private static readonly Dictionary<string, string> Keywords = new(StringComparer.Ordinal)
    {
        ["System.Boolean"] = "bool",
        ["System.Byte"] = "byte",
        ["System.SByte"] = "sbyte",
        ["System.Char"] = "char",
        ["System.Decimal"] = "decimal",
        ["System.Double"] = "double",
        ["System.Single"] = "float",
        ["System.Int16"] = "short",
        ["System.UInt16"] = "ushort",
        ["System.Int32"] = "int",
        ["System.UInt32"] = "uint",
        ["System.Int64"] = "long",
        ["System.UInt64"] = "ulong",
        ["System.IntPtr"] = "nint",
        ["System.UIntPtr"] = "nuint",
        ["System.Object"] = "object",
        ["System.String"] = "string",
        ["System.Void"] = "void",
    };

    /// <summary>Formats <paramref name="type"/>; <paramref name="nullability"/> adds reference-type annotations.</summary>
    public static string Format(Type type, NullabilityInfo? nullability = null, bool useWriteState = false)
    {
        if (type.IsByRef || type.IsPointer)
        {
            var element = Format(type.GetElementType()!, nullability, useWriteState);
            return type.IsPointer ? element + "*" : element;
        }

        var state = nullability is null ? NullabilityState.Unknown : useWriteState ? nullability.WriteState : nullability.ReadState;
        var nullableReference = state == NullabilityState.Nullable && !type.IsValueType;

        if (type.IsArray)
        {
            var rank = type.GetArrayRank();
            var element = Format(type.GetElementType()!, nullability?.ElementType);
            return element + "[" + new string(',', rank - 1) + "]" + (nullableReference ? "?" : string.Empty);
        }

        if (type.IsGenericParameter)
        {
            return type.Name + (nullableReference ? "?" : string.Empty);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition().FullName == "System.Nullable`1")
        {
            return Format(type.GetGenericArguments()[0]) + "?";
        }

        if (type.FullName is { } fullName && Keywords.TryGetValue(fullName, out var keyword))
        {
            return keyword + (nullableReference ? "?" : string.Empty);
        }

        return QualifiedName(type, nullability) + (nullableReference ? "?" : string.Empty);
    }

    /// <summary>The type's own name without the generic arity suffix.</summary>
    public static string SimpleName(Type type)
    {
        var name = type.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        return tick < 0 ? name : name[..tick];
    }

    // Nested generic types carry their outer types' arguments first; each level takes as many as its own arity.
    private static string QualifiedName(Type type, NullabilityInfo? nullability)
    {
        var arguments = type.IsGenericType ? type.GetGenericArguments() : [];
        var argumentNullability = nullability?.GenericTypeArguments;
        var chain = new List<Type>();
        for (var t = type; t is not null; t = t.IsNested ? t.DeclaringType : null)
        {
            chain.Insert(0, t);
        }

        var parts = new List<string>();
        var used = 0;
        foreach (var level in chain)
        {
            var arity = Arity(level);
            var name = SimpleName(level);
            if (arity > 0 && used + arity <= arguments.Length)
            {
                var formatted = new List<string>();
                for (var i = used; i < used + arity; i++)
                {
                    var info = argumentNullability is not null && i < argumentNullability.Length ? argumentNullability[i] : null;
                    formatted.Add(Format(arguments[i], info));
                }

                name += "<" + string.Join(", ", formatted) + ">";
                used += arity;
            }

            parts.Add(name);
        }

        var prefix = string.IsNullOrEmpty(chain[0].Namespace) ? string.Empty : chain[0].Namespace + ".";
        return prefix + string.Join(".", parts);
    }

    private static int Arity(Type type)
    {
        var name = type.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        return tick < 0 ? 0 : int.Parse(name.AsSpan(tick + 1), System.Globalization.CultureInfo.InvariantCulture);
    }
}
