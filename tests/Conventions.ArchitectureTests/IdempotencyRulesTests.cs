using System.Reflection;
using System.Text.Json;
using Conventions.BuildingBlocks.Web;
using Mediator;

namespace Conventions.ArchitectureTests;

/// <summary>
/// A retried command is answered from its stored response (ADR 0014), read back into the command's response type with
/// the API's JSON options: every command's response type must be one System.Text.Json can read back.
/// </summary>
public sealed class IdempotencyRulesTests
{
    public static TheoryData<string> CommandResponses()
    {
        var data = new TheoryData<string>();
        foreach (var type in ResponseTypes())
        {
            data.Add(type.FullName!);
        }
        return data;
    }

    private static IEnumerable<Type> ResponseTypes() =>
        Directory.EnumerateFiles(AppContext.BaseDirectory, "Conventions.Modules.*.dll")
            .Select(f => Assembly.Load(AssemblyName.GetAssemblyName(f)))
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetInterfaces())
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommand<>))
            .Select(i => i.GetGenericArguments()[0])
            .Distinct();

    [Fact]
    public void Commands_are_found() => Assert.Contains(ResponseTypes(), t => t.Name == "BookingDto");

    [Theory]
    [MemberData(nameof(CommandResponses))]
    public void A_commands_response_reads_back_from_its_json(string typeName)
    {
        var type = ResponseTypes().Single(t => t.FullName == typeName);

        // Reading through the type's contract fails for a type it cannot construct or bind (a value type from its default).
        var json = type.IsValueType ? JsonSerializer.Serialize(Activator.CreateInstance(type), type, JsonDefaults.Options) : "{}";
        var read = JsonSerializer.Deserialize(json, type, JsonDefaults.Options);

        Assert.NotNull(read);
    }
}
