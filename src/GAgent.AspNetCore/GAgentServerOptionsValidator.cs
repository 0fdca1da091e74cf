using Microsoft.Extensions.Options;

namespace GAgent.AspNetCore;

/// <summary>Source-generated validation of <see cref="GAgentServerOptions"/>.</summary>
[OptionsValidator]
internal sealed partial class GAgentServerOptionsValidator : IValidateOptions<GAgentServerOptions>;
