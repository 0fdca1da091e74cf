using Microsoft.Extensions.Options;

namespace GAgent.Configuration;

/// <summary>Source-generated validation of <see cref="GAgentOptions"/> (data annotations, nested sections included).</summary>
[OptionsValidator]
internal sealed partial class GAgentOptionsValidator : IValidateOptions<GAgentOptions>;
