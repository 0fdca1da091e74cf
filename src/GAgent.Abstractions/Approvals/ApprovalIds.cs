using System.Buffers.Binary;
using System.Globalization;

namespace GAgent.Approvals;

/// <summary>
/// Approval and grant ids: a prefix (<c>apv_</c>, <c>grt_</c>) and 32 lowercase hex characters, time-ordered and, within
/// a process, strictly increasing (lists sort by id, newest first). Nothing else is accepted, so ids are safe as file names.
/// </summary>
public static class ApprovalIds
{
    private const string ApprovalPrefix = "apv_";
    private const string GrantPrefix = "grt_";
    private const int HexLength = 32;
    private static readonly Lock Gate = new();
    private static UInt128 _last;

    /// <summary>A new approval id.</summary>
    public static string NewApprovalId() => ApprovalPrefix + NextHex();

    /// <summary>A new grant id.</summary>
    public static string NewGrantId() => GrantPrefix + NextHex();

    /// <summary>True when <paramref name="id"/> is a well-formed approval id.</summary>
    public static bool IsValidApprovalId(string? id) => IsValid(id, ApprovalPrefix);

    /// <summary>True when <paramref name="id"/> is a well-formed grant id.</summary>
    public static bool IsValidGrantId(string? id) => IsValid(id, GrantPrefix);

    /// <summary>Throws an <see cref="ArgumentException"/> that says what is wrong when the approval id is malformed.</summary>
    public static void ValidateApprovalId(string? id, string paramName = "id")
    {
        if (!IsValidApprovalId(id))
        {
            throw new ArgumentException($"'{id}' is not a valid approval id: approval ids are 'apv_' followed by 32 lowercase hex characters.", paramName);
        }
    }

    /// <summary>Throws an <see cref="ArgumentException"/> that says what is wrong when the grant id is malformed.</summary>
    public static void ValidateGrantId(string? id, string paramName = "id")
    {
        if (!IsValidGrantId(id))
        {
            throw new ArgumentException($"'{id}' is not a valid grant id: grant ids are 'grt_' followed by 32 lowercase hex characters.", paramName);
        }
    }

    // A version 7 GUID orders by millisecond only; ids made in the same millisecond are bumped past the last one.
    private static string NextHex()
    {
        Span<byte> bytes = stackalloc byte[16];
        Guid.CreateVersion7().TryWriteBytes(bytes, bigEndian: true, out _);
        var value = BinaryPrimitives.ReadUInt128BigEndian(bytes);
        lock (Gate)
        {
            if (value <= _last)
            {
                value = _last + 1;
            }

            _last = value;
        }

        return value.ToString("x32", CultureInfo.InvariantCulture);
    }

    private static bool IsValid(string? id, string prefix)
    {
        if (id is null || id.Length != prefix.Length + HexLength || !id.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        for (var i = prefix.Length; i < id.Length; i++)
        {
            if (!char.IsAsciiHexDigitLower(id[i]) && !char.IsAsciiDigit(id[i]))
            {
                return false;
            }
        }

        return true;
    }
}
