namespace Conventions.Modules.Conventions.Features;

internal sealed record CommitmentDto(ConventionParty Party, string Section, string Text);

internal sealed record TemplateParameterDto(string Name, string Description, bool Required, string? Default, bool IsList);

internal sealed record TemplateDto(
    string Key, string Title, string Program, string Term, RenewalPolicy RenewalPolicy, DisputePolicy DisputePolicy,
    bool PublicationsNeedBothApprovals, IReadOnlyList<CommitmentDto> Commitments, IReadOnlyList<TemplateParameterDto> Parameters);

internal sealed record ListTemplates : IQuery<ListResponse<TemplateDto>>;

internal sealed class ListTemplatesHandler(PageRequest page) : IQueryHandler<ListTemplates, ListResponse<TemplateDto>>
{
    public ValueTask<ListResponse<TemplateDto>> Handle(ListTemplates query, CancellationToken cancellationToken)
    {
        var items = TemplateCatalog.All.Select(t => new TemplateDto(
                t.Key, t.Title, t.Program,
                t.Term == TermKind.Fixed ? "fixed: from startsOn to endsOn" : "one year from startsOn, renewed tacitly each year for one year",
                t.RenewalPolicy, t.DisputePolicy, t.PublicationsNeedBothApprovals,
                t.Commitments.Select(c => new CommitmentDto(c.Party, c.Section, c.Text)).ToList(),
                t.Parameters.Select(p => new TemplateParameterDto(p.Name, p.Description, p.Required, p.Default, p.IsList)).ToList()))
            .ToList();
        return ValueTask.FromResult(Paging.Page(items, t => t.Key, page));
    }
}
