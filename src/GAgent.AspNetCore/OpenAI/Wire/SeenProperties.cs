namespace GAgent.AspNetCore.OpenAI.Wire;

/// <summary>Which of an object's known properties (numbered 0 to 31) a hand-written reader has met, so a repeated one is noticed.</summary>
internal struct SeenProperties
{
    private uint _seen;

    /// <summary>Marks <paramref name="property"/> as met; false when it was met before.</summary>
    public bool First(int property)
    {
        var bit = 1u << property;
        if ((_seen & bit) != 0)
        {
            return false;
        }

        _seen |= bit;
        return true;
    }
}
