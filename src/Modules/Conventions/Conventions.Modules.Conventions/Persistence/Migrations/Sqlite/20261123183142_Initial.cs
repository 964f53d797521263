using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conventions.Modules.Conventions.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "conventions_amendments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConventionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    NewEndsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    NewVariables = table.Column<string>(type: "TEXT", maxLength: -1, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    DocumentHtml = table.Column<string>(type: "TEXT", maxLength: -1, nullable: false),
                    DocumentSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ConventionSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AppliesToVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AppliedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_conventions_amendments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "conventions_conventions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TemplateKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OperatorOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnerOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    RenewalPolicy = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    DisputePolicy = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodStartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodEndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Renewals = table.Column<int>(type: "INTEGER", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    OperatorSignatoryName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OperatorSignatoryTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PartnerSignatoryName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PartnerSignatoryTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Variables = table.Column<string>(type: "TEXT", maxLength: -1, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    DocumentHtml = table.Column<string>(type: "TEXT", maxLength: -1, nullable: true),
                    DocumentSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    FrozenAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EndNoticeSentFor = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CommitteeReminderSentFor = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    NextDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_conventions_conventions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "conventions_inbox",
                columns: table => new
                {
                    EventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Consumer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    HandledAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_conventions_inbox", x => new { x.EventId, x.Consumer });
                });

            migrationBuilder.CreateTable(
                name: "conventions_outbox",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ProcessedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_conventions_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "conventions_publications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConventionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Medium = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    BearsBothLogos = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_conventions_publications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "amendment_signatures",
                columns: table => new
                {
                    Party = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AmendmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SignatoryName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SignatoryTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_amendment_signatures", x => new { x.AmendmentId, x.Party });
                    table.ForeignKey(
                        name: "FK_amendment_signatures_conventions_amendments_AmendmentId",
                        column: x => x.AmendmentId,
                        principalTable: "conventions_amendments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "convention_history",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ConventionId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_convention_history", x => x.Id);
                    table.ForeignKey(
                        name: "FK_convention_history_conventions_conventions_ConventionId",
                        column: x => x.ConventionId,
                        principalTable: "conventions_conventions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "convention_signatures",
                columns: table => new
                {
                    Party = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ConventionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SignatoryName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SignatoryTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_convention_signatures", x => new { x.ConventionId, x.Party });
                    table.ForeignKey(
                        name: "FK_convention_signatures_conventions_conventions_ConventionId",
                        column: x => x.ConventionId,
                        principalTable: "conventions_conventions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "conventions_committees",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConventionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodEndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Renew = table.Column<bool>(type: "INTEGER", nullable: true),
                    Minutes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_conventions_committees", x => x.Id);
                    table.ForeignKey(
                        name: "FK_conventions_committees_conventions_conventions_ConventionId",
                        column: x => x.ConventionId,
                        principalTable: "conventions_conventions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "publication_approvals",
                columns: table => new
                {
                    Party = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PublicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApprovedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_publication_approvals", x => new { x.PublicationId, x.Party });
                    table.ForeignKey(
                        name: "FK_publication_approvals_conventions_publications_PublicationId",
                        column: x => x.PublicationId,
                        principalTable: "conventions_publications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_convention_history_ConventionId",
                table: "convention_history",
                column: "ConventionId");

            migrationBuilder.CreateIndex(
                name: "IX_conventions_amendments_ConventionId_Number",
                table: "conventions_amendments",
                columns: new[] { "ConventionId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_conventions_committees_ConventionId",
                table: "conventions_committees",
                column: "ConventionId");

            migrationBuilder.CreateIndex(
                name: "IX_conventions_conventions_NextDueOn",
                table: "conventions_conventions",
                column: "NextDueOn");

            migrationBuilder.CreateIndex(
                name: "IX_conventions_conventions_OperatorOrganizationId",
                table: "conventions_conventions",
                column: "OperatorOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_conventions_conventions_PartnerOrganizationId",
                table: "conventions_conventions",
                column: "PartnerOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_conventions_conventions_Status_NextDueOn",
                table: "conventions_conventions",
                columns: new[] { "Status", "NextDueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_conventions_outbox_ProcessedAt_NextAttemptAt",
                table: "conventions_outbox",
                columns: new[] { "ProcessedAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_conventions_publications_ConventionId",
                table: "conventions_publications",
                column: "ConventionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "amendment_signatures");

            migrationBuilder.DropTable(
                name: "convention_history");

            migrationBuilder.DropTable(
                name: "convention_signatures");

            migrationBuilder.DropTable(
                name: "conventions_committees");

            migrationBuilder.DropTable(
                name: "conventions_inbox");

            migrationBuilder.DropTable(
                name: "conventions_outbox");

            migrationBuilder.DropTable(
                name: "publication_approvals");

            migrationBuilder.DropTable(
                name: "conventions_amendments");

            migrationBuilder.DropTable(
                name: "conventions_conventions");

            migrationBuilder.DropTable(
                name: "conventions_publications");
        }
    }
}
