using System.Reflection;
using System.Text;

namespace GAgent.PublicApi.Tests;

/// <summary>
/// Writes the listing: one <c>namespace</c> line per namespace, then its visible types (two-space indent) and their
/// visible members (four-space indent), each group sorted ordinally. Compiler-synthesized members (record equality,
/// printing, cloning) are left out because the <c>record</c> kind already implies them.
/// </summary>
internal sealed class ApiListingWriter
{
    private const BindingFlags DeclaredMembers =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private const string CompilerServices = "System.Runtime.CompilerServices.";

    private static readonly Dictionary<string, string> Operators = new(StringComparer.Ordinal)
    {
        ["op_Addition"] = "+", ["op_Subtraction"] = "-", ["op_Multiply"] = "*", ["op_Division"] = "/",
        ["op_Modulus"] = "%", ["op_Equality"] = "==", ["op_Inequality"] = "!=", ["op_LessThan"] = "<",
        ["op_GreaterThan"] = ">", ["op_LessThanOrEqual"] = "<=", ["op_GreaterThanOrEqual"] = ">=",
        ["op_BitwiseAnd"] = "&", ["op_BitwiseOr"] = "|", ["op_ExclusiveOr"] = "^", ["op_LeftShift"] = "<<",
        ["op_RightShift"] = ">>", ["op_UnsignedRightShift"] = ">>>", ["op_LogicalNot"] = "!",
        ["op_OnesComplement"] = "~", ["op_UnaryNegation"] = "-", ["op_UnaryPlus"] = "+", ["op_Increment"] = "++",
        ["op_Decrement"] = "--", ["op_True"] = "true", ["op_False"] = "false",
    };

    // Not thread-safe by design; one writer lists one assembly.
    private readonly NullabilityInfoContext _nullability = new();

    public string Write(Assembly assembly, Func<Type, bool> typeFilter)
    {
        var types = assembly.GetTypes()
            .Where(t => IsVisible(t) && !IsCompilerGenerated(t) && typeFilter(Outermost(t)))
            .Select(t => (Type: t, Name: DisplayName(t)))
            .OrderBy(t => t.Type.Namespace ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(t => t.Name, StringComparer.Ordinal)
            .ThenBy(t => t.Type.IsGenericType ? t.Type.GetGenericArguments().Length : 0)
            .ToList();

        var sb = new StringBuilder();
        sb.Append("assembly ").Append(assembly.GetName().Name).Append('\n');
        string? currentNamespace = null;
        foreach (var (type, _) in types)
        {
            var ns = type.Namespace ?? "<global>";
            if (!string.Equals(ns, currentNamespace, StringComparison.Ordinal))
            {
                sb.Append('\n').Append("namespace ").Append(ns).Append('\n');
                currentNamespace = ns;
            }

            WriteType(sb, type);
        }

        return sb.ToString();
    }

    private void WriteType(StringBuilder sb, Type type)
    {
        foreach (var attribute in NotableAttributes(type.GetCustomAttributesData(), type.IsEnum))
        {
            sb.Append("  ").Append(attribute).Append('\n');
        }

        sb.Append("  ").Append(TypeHeader(type)).Append('\n');
        if (IsDelegate(type))
        {
            return;
        }

        var members = type.IsEnum ? EnumMembers(type) : Members(type);
        foreach (var member in members)
        {
            sb.Append(member);
        }
    }

    private static List<string> EnumMembers(Type type)
    {
        return type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (Field: f, Value: f.GetRawConstantValue()))
            .OrderBy(f => Convert.ToDecimal(f.Value, System.Globalization.CultureInfo.InvariantCulture))
            .ThenBy(f => f.Field.Name, StringComparer.Ordinal)
            .Select(f => Lines(NotableAttributes(f.Field.GetCustomAttributesData(), false),
                f.Field.Name + " = " + Convert.ToString(f.Value, System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
    }

    private List<string> Members(Type type)
    {
        var inInterface = type.IsInterface;
        var entries = new List<(int Group, string Name, string Text)>();

        foreach (var field in type.GetFields(DeclaredMembers).Where(f => IsVisible(f.Attributes & FieldAttributes.FieldAccessMask) && !IsCompilerGenerated(f)))
        {
            entries.Add((0, field.Name, Lines(NotableAttributes(field.GetCustomAttributesData(), false), FieldLine(field))));
        }

        foreach (var ctor in type.GetConstructors(DeclaredMembers).Where(c => !c.IsStatic && IsVisible(c) && !IsCompilerGenerated(c)))
        {
            var line = Access(ctor) + " " + CSharpTypeNames.SimpleName(type) + "(" + Parameters(ctor) + ")";
            entries.Add((1, ".ctor", Lines(NotableAttributes(ctor.GetCustomAttributesData(), false), line)));
        }

        foreach (var property in type.GetProperties(DeclaredMembers))
        {
            var accessors = new[] { property.GetMethod, property.SetMethod }.Where(m => m is not null && IsVisible(m)).ToList();
            if (accessors.Count == 0 || IsCompilerGenerated(property))
            {
                continue;
            }

            entries.Add((2, property.Name, Lines(NotableAttributes(property.GetCustomAttributesData(), false), PropertyLine(property, inInterface))));
        }

        foreach (var evt in type.GetEvents(DeclaredMembers))
        {
            if (evt.AddMethod is { } add && IsVisible(add) && !IsCompilerGenerated(evt))
            {
                var line = Access(add) + " " + Modifiers(add, inInterface) + "event " + CSharpTypeNames.Format(evt.EventHandlerType!, _nullability.Create(evt)) + " " + evt.Name;
                entries.Add((3, evt.Name, Lines(NotableAttributes(evt.GetCustomAttributesData(), false), line)));
            }
        }

        foreach (var method in type.GetMethods(DeclaredMembers))
        {
            var isOperator = method.IsSpecialName && method.Name.StartsWith("op_", StringComparison.Ordinal);
            if ((method.IsSpecialName && !isOperator) || !IsVisible(method) || IsCompilerGenerated(method) || method.Name.Contains('<', StringComparison.Ordinal))
            {
                continue;
            }

            entries.Add((isOperator ? 5 : 4, method.Name, Lines(NotableAttributes(method.GetCustomAttributesData(), false), MethodLine(method, inInterface))));
        }

        return entries
            .OrderBy(e => e.Group)
            .ThenBy(e => e.Name, StringComparer.Ordinal)
            .ThenBy(e => e.Text, StringComparer.Ordinal)
            .Select(e => e.Text)
            .ToList();
    }

    private string FieldLine(FieldInfo field)
    {
        var sb = new StringBuilder(Access(field.Attributes & FieldAttributes.FieldAccessMask)).Append(' ');
        if (field.IsLiteral)
        {
            sb.Append("const ");
        }
        else
        {
            if (field.IsStatic)
            {
                sb.Append("static ");
            }

            if (field.IsInitOnly)
            {
                sb.Append("readonly ");
            }

            if (HasAttribute(field.GetCustomAttributesData(), CompilerServices + "RequiredMemberAttribute"))
            {
                sb.Append("required ");
            }
        }

        sb.Append(CSharpTypeNames.Format(field.FieldType, _nullability.Create(field))).Append(' ').Append(field.Name);
        if (field.IsLiteral)
        {
            sb.Append(" = ").Append(CSharpLiterals.Format(field.GetRawConstantValue(), field.FieldType, t => CSharpTypeNames.Format(t)));
        }

        return sb.ToString();
    }

    private string PropertyLine(PropertyInfo property, bool inInterface)
    {
        var getter = property.GetMethod is { } g && IsVisible(g) ? g : null;
        var setter = property.SetMethod is { } s && IsVisible(s) ? s : null;
        var primary = getter ?? setter!;
        var access = MostVisible(getter, setter);

        var sb = new StringBuilder(access).Append(' ').Append(Modifiers(primary, inInterface));
        if (HasAttribute(property.GetCustomAttributesData(), CompilerServices + "RequiredMemberAttribute"))
        {
            sb.Append("required ");
        }

        var nullability = _nullability.Create(property);
        sb.Append(CSharpTypeNames.Format(property.PropertyType, nullability, useWriteState: getter is null)).Append(' ');
        var indexParameters = property.GetIndexParameters();
        sb.Append(indexParameters.Length == 0 ? property.Name : "this[" + string.Join(", ", indexParameters.Select(FormatParameter)) + "]");

        sb.Append(" { ");
        if (getter is not null)
        {
            sb.Append(AccessorPrefix(getter, access)).Append("get; ");
        }

        if (setter is not null)
        {
            var isInit = setter.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.FullName == CompilerServices + "IsExternalInit");
            sb.Append(AccessorPrefix(setter, access)).Append(isInit ? "init; " : "set; ");
        }

        return sb.Append('}').ToString();
    }

    private string MethodLine(MethodInfo method, bool inInterface)
    {
        var sb = new StringBuilder(Access(method)).Append(' ').Append(Modifiers(method, inInterface));
        var returnType = CSharpTypeNames.Format(method.ReturnType, _nullability.Create(method.ReturnParameter));
        if (method.Name is "op_Implicit" or "op_Explicit")
        {
            sb.Append(method.Name == "op_Implicit" ? "implicit" : "explicit").Append(" operator ").Append(returnType);
        }
        else if (Operators.TryGetValue(method.Name, out var symbol))
        {
            sb.Append(returnType).Append(" operator ").Append(symbol);
        }
        else
        {
            sb.Append(returnType).Append(' ').Append(method.Name);
            if (method.IsGenericMethodDefinition)
            {
                sb.Append('<').Append(string.Join(", ", method.GetGenericArguments().Select(a => a.Name))).Append('>');
            }
        }

        sb.Append('(').Append(Parameters(method)).Append(')');
        if (method.IsGenericMethodDefinition)
        {
            sb.Append(Constraints(method.GetGenericArguments()));
        }

        return sb.ToString();
    }

    private string Parameters(MethodBase method)
    {
        var isExtension = method.IsStatic && HasAttribute(method.GetCustomAttributesData(), CompilerServices + "ExtensionAttribute");
        return string.Join(", ", method.GetParameters().Select((p, i) => (i == 0 && isExtension ? "this " : string.Empty) + FormatParameter(p)));
    }

    private string FormatParameter(ParameterInfo parameter)
    {
        var sb = new StringBuilder();
        var attributes = parameter.GetCustomAttributesData();
        if (parameter.ParameterType.IsByRef)
        {
            sb.Append(parameter.IsOut ? "out "
                : HasAttribute(attributes, CompilerServices + "IsReadOnlyAttribute") ? "in "
                : HasAttribute(attributes, CompilerServices + "RequiresLocationAttribute") ? "ref readonly "
                : "ref ");
        }

        if (HasAttribute(attributes, "System.ParamArrayAttribute") || HasAttribute(attributes, CompilerServices + "ParamCollectionAttribute"))
        {
            sb.Append("params ");
        }

        sb.Append(CSharpTypeNames.Format(parameter.ParameterType, _nullability.Create(parameter), useWriteState: true));
        sb.Append(' ').Append(parameter.Name);
        if (parameter.HasDefaultValue)
        {
            var type = parameter.ParameterType.IsByRef ? parameter.ParameterType.GetElementType()! : parameter.ParameterType;
            sb.Append(" = ").Append(CSharpLiterals.Format(parameter.RawDefaultValue, type, t => CSharpTypeNames.Format(t)));
        }

        return sb.ToString();
    }

    private string TypeHeader(Type type)
    {
        var sb = new StringBuilder(TypeAccess(type)).Append(' ');
        var name = DisplayName(type, withVariance: true);

        if (IsDelegate(type))
        {
            var invoke = type.GetMethod("Invoke")!;
            sb.Append("delegate ").Append(CSharpTypeNames.Format(invoke.ReturnType, _nullability.Create(invoke.ReturnParameter)))
                .Append(' ').Append(name).Append('(').Append(Parameters(invoke)).Append(')')
                .Append(Constraints(OwnGenericParameters(type)));
            return sb.ToString();
        }

        if (type.IsEnum)
        {
            var underlying = Enum.GetUnderlyingType(type);
            sb.Append("enum ").Append(name);
            if (underlying.FullName != "System.Int32")
            {
                sb.Append(" : ").Append(CSharpTypeNames.Format(underlying));
            }

            return sb.ToString();
        }

        var isRecord = IsRecord(type);
        if (type.IsInterface)
        {
            sb.Append("interface ");
        }
        else if (type.IsValueType)
        {
            if (HasAttribute(type.GetCustomAttributesData(), CompilerServices + "IsReadOnlyAttribute"))
            {
                sb.Append("readonly ");
            }

            if (type.IsByRefLike)
            {
                sb.Append("ref ");
            }

            sb.Append(isRecord ? "record struct " : "struct ");
        }
        else
        {
            if (type.IsAbstract && type.IsSealed)
            {
                sb.Append("static ");
            }
            else if (type.IsAbstract)
            {
                sb.Append("abstract ");
            }
            else if (type.IsSealed)
            {
                sb.Append("sealed ");
            }

            sb.Append(isRecord ? "record " : "class ");
        }

        sb.Append(name);

        var bases = new List<string>();
        if (type.BaseType is { } baseType && !type.IsValueType && baseType.FullName != "System.Object")
        {
            bases.Add(CSharpTypeNames.Format(baseType));
        }

        var inherited = type.BaseType?.GetInterfaces() ?? [];
        bases.AddRange(type.GetInterfaces()
            .Where(i => IsVisible(i) && !inherited.Contains(i) && !(isRecord && IsEquatableOfSelf(i, type)))
            .Select(i => CSharpTypeNames.Format(i))
            .Order(StringComparer.Ordinal));
        if (bases.Count > 0)
        {
            sb.Append(" : ").Append(string.Join(", ", bases));
        }

        return sb.Append(Constraints(OwnGenericParameters(type))).ToString();
    }

    private static string Constraints(IEnumerable<Type> genericParameters)
    {
        var sb = new StringBuilder();
        foreach (var parameter in genericParameters)
        {
            var attributes = parameter.GenericParameterAttributes;
            var parts = new List<string>();
            var isStruct = (attributes & GenericParameterAttributes.NotNullableValueTypeConstraint) != 0;
            if ((attributes & GenericParameterAttributes.ReferenceTypeConstraint) != 0)
            {
                parts.Add("class");
            }

            if (isStruct)
            {
                parts.Add(HasAttribute(parameter.GetCustomAttributesData(), CompilerServices + "IsUnmanagedAttribute") ? "unmanaged" : "struct");
            }

            parts.AddRange(parameter.GetGenericParameterConstraints()
                .Where(c => !(isStruct && c.FullName == "System.ValueType"))
                .Select(c => CSharpTypeNames.Format(c))
                .Order(StringComparer.Ordinal));

            if ((attributes & GenericParameterAttributes.DefaultConstructorConstraint) != 0 && !isStruct)
            {
                parts.Add("new()");
            }

            if ((attributes & GenericParameterAttributes.AllowByRefLike) != 0)
            {
                parts.Add("allows ref struct");
            }

            if (parts.Count > 0)
            {
                sb.Append(" where ").Append(parameter.Name).Append(" : ").Append(string.Join(", ", parts));
            }
        }

        return sb.ToString();
    }

    private static string DisplayName(Type type, bool withVariance = false)
    {
        var own = OwnGenericParameters(type).ToList();
        var name = CSharpTypeNames.SimpleName(type);
        if (own.Count > 0)
        {
            name += "<" + string.Join(", ", own.Select(p => (withVariance ? Variance(p) : string.Empty) + p.Name)) + ">";
        }

        return type.IsNested ? DisplayName(type.DeclaringType!) + "." + name : name;
    }

    private static string Variance(Type parameter) => (parameter.GenericParameterAttributes & GenericParameterAttributes.VarianceMask) switch
    {
        GenericParameterAttributes.Covariant => "out ",
        GenericParameterAttributes.Contravariant => "in ",
        _ => string.Empty,
    };

    // A nested type's generic arguments include its declaring types'; only the trailing ones are its own.
    private static IEnumerable<Type> OwnGenericParameters(Type type)
    {
        if (!type.IsGenericType)
        {
            return [];
        }

        var all = type.GetGenericArguments();
        var inherited = type.IsNested && type.DeclaringType!.IsGenericType ? type.DeclaringType.GetGenericArguments().Length : 0;
        return all.Skip(inherited);
    }

    private static string Modifiers(MethodInfo method, bool inInterface)
    {
        var isNewSlot = (method.Attributes & MethodAttributes.NewSlot) != 0;
        if (method.IsStatic)
        {
            return inInterface && method.IsAbstract ? "static abstract "
                : inInterface && method.IsVirtual ? "static virtual "
                : "static ";
        }

        if (inInterface || !method.IsVirtual)
        {
            return string.Empty;
        }

        if (method.IsAbstract)
        {
            return isNewSlot ? "abstract " : "abstract override ";
        }

        if (!isNewSlot)
        {
            return method.IsFinal ? "sealed override " : "override ";
        }

        // newslot + final is a non-virtual interface implementation.
        return method.IsFinal ? string.Empty : "virtual ";
    }

    private static string AccessorPrefix(MethodInfo accessor, string propertyAccess)
    {
        var access = Access(accessor);
        return string.Equals(access, propertyAccess, StringComparison.Ordinal) ? string.Empty : access + " ";
    }

    private static string MostVisible(MethodInfo? getter, MethodInfo? setter)
    {
        return (getter is not null && getter.IsPublic) || (setter is not null && setter.IsPublic) ? "public" : "protected";
    }

    private static string Access(MethodBase method) => method.IsPublic ? "public" : "protected";

    private static string Access(FieldAttributes access) => access == FieldAttributes.Public ? "public" : "protected";

    private static string TypeAccess(Type type) => type.IsPublic || type.IsNestedPublic ? "public" : "protected";

    private static bool IsVisible(MethodBase method) => method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly;

    private static bool IsVisible(FieldAttributes access) =>
        access is FieldAttributes.Public or FieldAttributes.Family or FieldAttributes.FamORAssem;

    private static bool IsVisible(Type type) =>
        type.IsPublic || ((type.IsNestedPublic || type.IsNestedFamily || type.IsNestedFamORAssem) && IsVisible(type.DeclaringType!));

    private static Type Outermost(Type type) => type.IsNested ? Outermost(type.DeclaringType!) : type;

    private static bool IsDelegate(Type type) => type.BaseType?.FullName == "System.MulticastDelegate";

    // Class records have a synthesized clone method; record structs a synthesized PrintMembers.
    private static bool IsRecord(Type type) => type.IsValueType
        ? type.GetMethods(DeclaredMembers).Any(m => m.Name == "PrintMembers" && IsCompilerGenerated(m))
        : type.GetMethods(DeclaredMembers).Any(m => m.Name == "<Clone>$");

    private static bool IsEquatableOfSelf(Type candidate, Type type) =>
        candidate.IsGenericType
        && candidate.GetGenericTypeDefinition().FullName == "System.IEquatable`1"
        && candidate.GetGenericArguments()[0] == type;

    private static bool IsCompilerGenerated(MemberInfo member) =>
        member.Name.Contains('<', StringComparison.Ordinal)
        || HasAttribute(member.GetCustomAttributesData(), CompilerServices + "CompilerGeneratedAttribute");

    private static bool HasAttribute(IList<CustomAttributeData> attributes, string fullName) =>
        attributes.Any(a => a.AttributeType.FullName == fullName);

    private static string Lines(IEnumerable<string> attributes, string declaration)
    {
        var sb = new StringBuilder();
        foreach (var attribute in attributes)
        {
            sb.Append("    ").Append(attribute).Append('\n');
        }

        return sb.Append("    ").Append(declaration).Append('\n').ToString();
    }

    // Obsolete and Experimental change how callers may use an API; Flags changes what an enum means. The compiler's own
    // [Obsolete] markers (paired with CompilerFeatureRequired, e.g. on constructors of types with required members) are noise.
    private static List<string> NotableAttributes(IList<CustomAttributeData> attributes, bool isEnum)
    {
        var compilerFeature = HasAttribute(attributes, CompilerServices + "CompilerFeatureRequiredAttribute");
        var result = new List<string>();
        foreach (var attribute in attributes)
        {
            var name = attribute.AttributeType.FullName;
            if ((name == "System.ObsoleteAttribute" && !compilerFeature)
                || name == "System.Diagnostics.CodeAnalysis.ExperimentalAttribute"
                || (isEnum && name == "System.FlagsAttribute"))
            {
                var arguments = attribute.ConstructorArguments
                    .Select(a => CSharpLiterals.Format(a.Value, a.ArgumentType, t => CSharpTypeNames.Format(t)))
                    .Concat(attribute.NamedArguments.Select(a => a.MemberName + " = " + CSharpLiterals.Format(a.TypedValue.Value, a.TypedValue.ArgumentType, t => CSharpTypeNames.Format(t))))
                    .ToList();
                var shortName = name![..^"Attribute".Length];
                result.Add("[" + shortName + (arguments.Count > 0 ? "(" + string.Join(", ", arguments) + ")" : string.Empty) + "]");
            }
        }

        result.Sort(StringComparer.Ordinal);
        return result;
    }
}
