using System.Runtime.CompilerServices;

// The ASP.NET Core package projects runtime internals (tool catalog, result text) onto HTTP; both ship together.
[assembly: InternalsVisibleTo("GAgent.AspNetCore")]
