using System.Reflection;
using Conventions.BuildingBlocks.Mediation;
using Mediator;

namespace Conventions.ArchitectureTests;

/// <summary>
/// A command that honours If-Match compares the entity tag and writes in one transaction (ADR 0017): it is
/// [Transactional], and the representation it names is a query.
/// </summary>
public sealed class ConditionalCommandTests
{
    private static List<Type> ConditionalCommands() =>
        Directory.EnumerateFiles(AppContext.BaseDirectory, "Conventions.Modules.*.dll")
            .Select(f => Assembly.Load(AssemblyName.GetAssemblyName(f)))
            .SelectMany(a => a.GetTypes())
            .Where(t => typeof(IConditionalCommand).IsAssignableFrom(t) && !t.IsInterface)
            .ToList();

    [Fact]
    public void Conditional_commands_are_transactional_and_name_a_query()
    {
        var commands = ConditionalCommands();

        Assert.Contains(commands, t => t.Name == "EditConvention");
        Assert.Contains(commands, t => t.Name == "ChangeSession");
        foreach (var command in commands)
        {
            Assert.True(command.GetCustomAttribute<TransactionalAttribute>() is not null, $"{command.Name} honours If-Match but is not [Transactional].");
            Assert.True(typeof(IBaseCommand).IsAssignableFrom(command), $"{command.Name} is not a command.");
            var representation = command.GetMethod(nameof(IConditionalCommand.Representation))!.Invoke(
                System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(command), null)!;
            Assert.True(representation is IBaseQuery, $"{command.Name}'s representation {representation.GetType().Name} is not a query.");
        }
    }
}
