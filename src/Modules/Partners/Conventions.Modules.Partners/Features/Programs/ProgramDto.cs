namespace Conventions.Modules.Partners.Features;

/// <summary>A program with its operator organizations.</summary>
internal sealed record ProgramDto(string Key, string Name, IReadOnlyList<ProgramOrganizationDto> Operators, int Members);

internal sealed record ProgramOrganizationDto(Guid Id, string Name);

internal sealed record ProgramOrganizationBody
{
    /// <example>a1100000-0000-4000-8000-000000000001</example>
    public Guid? OrganizationId { get; init; }
}

internal static class ProgramNames
{
    public static string Of(string key) => key switch
    {
        ProgramKeys.CulturePourTous => "Culture pour tous",
        ProgramKeys.RucheNumerique => "La Ruche Numérique",
        _ => key,
    };

    public static string EnsureKnown(string key) =>
        ProgramKeys.IsKnown(key) ? key : throw NotFoundException.For("program", key);
}
