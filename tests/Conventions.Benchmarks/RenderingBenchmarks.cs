using BenchmarkDotNet.Attributes;
using Conventions.BuildingBlocks.Rendering;
using Conventions.Modules.Conventions.Contracts;
using Conventions.Modules.Conventions.Domain;
using Conventions.Modules.Conventions.Features;
using Conventions.Modules.Partners.Contracts;

namespace Conventions.Benchmarks;

/// <summary>
/// Rendering each seed convention. The host keeps one <see cref="DocumentRenderer"/> (a singleton) whose templates are
/// parsed once and cached; <see cref="CultureUncached"/> shows what a parse on every render would cost.
/// </summary>
[MemoryDiagnoser]
public class RenderingBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 11, 0, 0, TimeSpan.Zero);
    private ConventionDocuments _documents = null!;
    private Convention _culture = null!;
    private Convention _ruche = null!;
    private Parties _cultureParties = null!;
    private Parties _rucheParties = null!;

    [GlobalSetup]
    public void Setup()
    {
        _documents = new ConventionDocuments(new DocumentRenderer(), null!);
        _culture = Convention.Draft(TemplateCatalog.CulturePourTous, Guid.NewGuid(), Guid.NewGuid(), new DateOnly(2019, 10, 1), new DateOnly(2020, 9, 30), "Lyon",
            new Signatory { FullName = "Anne Sophie CONDEMINE", Title = "Présidente" }, new Signatory { FullName = "Claire MARTIN", Title = "Directrice" },
            new Dictionary<string, string>(), Now);
        _ruche = Convention.Draft(TemplateCatalog.RucheNumerique, Guid.NewGuid(), Guid.NewGuid(), new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31), "Bagnols-sur-Cèze",
            new Signatory { FullName = "Jean-Yves CHAPELET", Title = "Maire" }, new Signatory { FullName = "Madame Maryse NORDEZ-RYEZ", Title = "Présidente" },
            new Dictionary<string, string> { ["partnerShortName"] = "A.V.A.Q.B-C" }, Now);
        _cultureParties = new Parties(Organization("ALLIES – Culture pour tous", "24, rue Etienne Rognon", "69007", "Lyon"), Organization("Association Passerelles Solidaires", "10, rue de l'Exemple", "69003", "Lyon"));
        _rucheParties = new Parties(Organization("Ville de Bagnols-sur-Cèze", "Hôtel de ville", "30200", "Bagnols-sur-Cèze"), Organization("A.V.A.Q.B-C", "95, route de Lyon", "30200", "Bagnols-sur-Cèze"));
        CultureCached();
        RucheCached();
    }

    private static OrganizationSummary Organization(string name, string line1, string postalCode, string city) =>
        new(Guid.NewGuid(), name, OrganizationKind.Association, new PostalAddress(line1, postalCode, city), null, null, false, []);

    [Benchmark(Baseline = true, Description = "Culture pour tous (cached template)")]
    public string CultureCached() => _documents.RenderBody(_culture, _cultureParties, draft: false).Sha256;

    [Benchmark(Description = "La Ruche Numérique (cached template)")]
    public string RucheCached() => _documents.RenderBody(_ruche, _rucheParties, draft: false).Sha256;

    [Benchmark(Description = "Culture pour tous printed original (body + signatures)")]
    public string CulturePrint() => _documents.RenderPrint(_culture, _cultureParties, 1, []);

    [Benchmark(Description = "Culture pour tous, template parsed on every render")]
    public string CultureUncached() => new ConventionDocuments(new DocumentRenderer(), null!).RenderBody(_culture, _cultureParties, draft: false).Sha256;
}
