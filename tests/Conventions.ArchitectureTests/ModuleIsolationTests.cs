using System.Reflection;
using NetArchTest.Rules;

namespace Conventions.ArchitectureTests;

/// <summary>
/// Modules talk only through each other's Contracts; their implementation types are internal but for their
/// Add/Map registration. Assemblies are found on disk, so a new module is checked the day it is added.
/// </summary>
public sealed class ModuleIsolationTests
{
    private static IEnumerable<Assembly> Load(Func<string, bool> filter) =>
        Directory.EnumerateFiles(AppContext.BaseDirectory, "Conventions.*.dll")
            .Where(f => filter(Path.GetFileNameWithoutExtension(f)))
            .Select(f => Assembly.Load(AssemblyName.GetAssemblyName(f)))
            .OrderBy(a => a.GetName().Name);

    private static readonly Assembly[] Modules = Load(n => n.StartsWith("Conventions.Modules.", StringComparison.Ordinal) && !n.EndsWith(".Contracts", StringComparison.Ordinal)).ToArray();
    private static readonly Assembly[] ContractAssemblies = Load(n => n.StartsWith("Conventions.Modules.", StringComparison.Ordinal) && n.EndsWith(".Contracts", StringComparison.Ordinal)).ToArray();
    private static readonly Assembly BuildingBlocks = Load(n => n == "Conventions.BuildingBlocks").Single();
    private static readonly Assembly Host = Load(n => n == "Conventions.Host").Single();

    private static string Name(Assembly a) => a.GetName().Name!;

    /// <summary>The namespaces a module keeps to itself: every namespace of its assembly but its root (the registration).</summary>
    private static string[] InternalNamespaces(Assembly module) =>
        module.GetTypes().Select(t => t.Namespace).OfType<string>().Distinct()
            .Where(ns => ns != Name(module) && ns.StartsWith(Name(module) + ".", StringComparison.Ordinal))
            .ToArray();

    [Fact]
    public void The_modules_and_their_contracts_are_found()
    {
        Assert.Contains(Modules, m => Name(m) == "Conventions.Modules.Partners");
        Assert.Contains(Modules, m => Name(m) == "Conventions.Modules.Notices");
        Assert.Equal(Modules.Length, ContractAssemblies.Length);
    }

    [Fact]
    public void A_module_references_only_building_blocks_and_contracts()
    {
        foreach (var module in Modules)
        {
            var references = module.GetReferencedAssemblies().Select(r => r.Name!).Where(n => n.StartsWith("Conventions.", StringComparison.Ordinal));
            Assert.All(references, r => Assert.True(
                r == "Conventions.BuildingBlocks" || (r.StartsWith("Conventions.Modules.", StringComparison.Ordinal) && r.EndsWith(".Contracts", StringComparison.Ordinal)),
                $"{Name(module)} references {r}: modules may use only BuildingBlocks and other modules' Contracts."));
        }
    }

    [Fact]
    public void Contracts_reference_only_building_blocks_and_other_contracts()
    {
        foreach (var contracts in ContractAssemblies)
        {
            var references = contracts.GetReferencedAssemblies().Select(r => r.Name!).Where(n => n.StartsWith("Conventions.", StringComparison.Ordinal));
            Assert.All(references, r => Assert.True(
                r == "Conventions.BuildingBlocks" || r.EndsWith(".Contracts", StringComparison.Ordinal),
                $"{Name(contracts)} references {r}."));
        }
    }

    [Fact]
    public void Building_blocks_know_no_module()
    {
        var result = Types.InAssembly(BuildingBlocks).ShouldNot().HaveDependencyOn("Conventions.Modules").GetResult();

        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void No_module_type_depends_on_another_modules_internals()
    {
        foreach (var module in Modules)
        {
            var others = Modules.Where(m => m != module).SelectMany(InternalNamespaces).ToArray();
            if (others.Length == 0)
            {
                continue;
            }
            var result = Types.InAssembly(module).ShouldNot().HaveDependencyOnAny(others).GetResult();
            Assert.True(result.IsSuccessful, $"{Name(module)}: {string.Join(", ", result.FailingTypeNames ?? [])} use another module's internals.");
        }
    }

    [Fact]
    public void A_modules_only_public_types_are_its_registration()
    {
        foreach (var module in Modules)
        {
            var publicTypes = module.GetExportedTypes();
            Assert.All(publicTypes, t => Assert.True(
                t.Namespace == Name(module) && t.Name.EndsWith("Module", StringComparison.Ordinal) && t.IsAbstract && t.IsSealed,
                $"{t.FullName} is public: module types are internal but for the static <Module>Module registration class."));
            Assert.Single(publicTypes);
        }
    }

    [Fact]
    public void The_hosts_own_code_uses_modules_only_through_registration_and_contracts()
    {
        var internals = Modules.SelectMany(InternalNamespaces).ToArray();

        // The source-generated mediator (namespace Mediator) must construct internal handlers: that is its job.
        var result = Types.InAssembly(Host).That().ResideInNamespaceStartingWith("Conventions.Host")
            .ShouldNot().HaveDependencyOnAny(internals).GetResult();

        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }
}
