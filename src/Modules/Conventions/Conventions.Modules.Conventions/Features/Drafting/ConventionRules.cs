namespace Conventions.Modules.Conventions.Features;

/// <summary>Rules on terms and variables shared by drafting, editing and amending.</summary>
internal static class ConventionRules
{
    public const int MaxVariableLength = 4000;

    public static void ValidateTerm(ConventionTemplate template, DateOnly startsOn, DateOnly endsOn, string startsField = "startsOn", string endsField = "endsOn")
    {
        if (startsOn.Year is < 2000 or > 2100)
        {
            throw InvalidInputException.Field(startsField, "Must be a date between 2000 and 2100.");
        }
        if (endsOn <= startsOn)
        {
            throw InvalidInputException.Field(endsField, "Must be after the start date.");
        }
        if (template.Term == TermKind.Yearly && endsOn != startsOn.AddYears(1).AddDays(-1))
        {
            throw InvalidInputException.Field(endsField, $"This template runs for one year, renewed tacitly: the first period ends on {startsOn.AddYears(1).AddDays(-1):yyyy-MM-dd}.");
        }
        if (endsOn > startsOn.AddYears(5))
        {
            throw InvalidInputException.Field(endsField, "A fixed term runs for five years at most.");
        }
    }

    public static Dictionary<string, string> ValidateVariables(ConventionTemplate template, IReadOnlyDictionary<string, string?>? variables, string field = "variables")
    {
        var result = new Dictionary<string, string>();
        var errors = new Dictionary<string, string[]>();
        foreach (var (name, value) in variables ?? new Dictionary<string, string?>())
        {
            if (template.Parameters.All(p => p.Name != name))
            {
                errors[$"{field}.{name}"] = [$"Unknown variable. The template accepts: {string.Join(", ", template.Parameters.Select(p => p.Name))}."];
                continue;
            }
            if (value is null || value.Length > MaxVariableLength || Rules.HasControlCharacters(value, allowNewLines: true))
            {
                errors[$"{field}.{name}"] = [$"Must be a text of at most {MaxVariableLength} characters, without control characters."];
                continue;
            }
            result[name] = value;
        }
        if (errors.Count > 0)
        {
            throw new InvalidInputException("validation.failed", "One or more fields are invalid.", errors);
        }
        return result;
    }
}
