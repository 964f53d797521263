using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Conventions.Modules.Conventions.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class PostgreSqlInitial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "conventions");

            migrationBuilder.CreateTable(
                name: "amendments",
                schema: "conventions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ConventionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Summary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    NewEndsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    NewVariables = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    DocumentHtml = table.Column<string>(type: "text", nullable: false),
                    DocumentSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ConventionSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AppliesToVersion = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AppliedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_amendments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "conventions",
                schema: "conventions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TemplateKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    OperatorOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnerOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    RenewalPolicy = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    DisputePolicy = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodStartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodEndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Renewals = table.Column<int>(type: "integer", nullable: false),
                    Place = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    OperatorSignatoryName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OperatorSignatoryTitle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PartnerSignatoryName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PartnerSignatoryTitle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Variables = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    RowVersion = table.Column<int>(type: "integer", nullable: false),
                    DocumentHtml = table.Column<string>(type: "text", nullable: true),
                    DocumentSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    FrozenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EndNoticeSentFor = table.Column<DateOnly>(type: "date", nullable: true),
                    CommitteeReminderSentFor = table.Column<DateOnly>(type: "date", nullable: true),
                    NextDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_conventions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "idempotency",
                schema: "conventions",
                columns: table => new
                {
                    CredentialId = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    RequestHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Response = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_idempotency", x => new { x.CredentialId, x.Key });
                });

            migrationBuilder.CreateTable(
                name: "inbox",
                schema: "conventions",
                columns: table => new
                {
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    Consumer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    HandledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inbox", x => new { x.EventId, x.Consumer });
                });

            migrationBuilder.CreateTable(
                name: "outbox",
                schema: "conventions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Type = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ProcessedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "publications",
                schema: "conventions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ConventionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Medium = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    BearsBothLogos = table.Column<bool>(type: "boolean", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_publications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "amendment_signatures",
                schema: "conventions",
                columns: table => new
                {
                    Party = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AmendmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    SignatoryName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SignatoryTitle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Place = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_amendment_signatures", x => new { x.AmendmentId, x.Party });
                    table.ForeignKey(
                        name: "FK_amendment_signatures_amendments_AmendmentId",
                        column: x => x.AmendmentId,
                        principalSchema: "conventions",
                        principalTable: "amendments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "committees",
                schema: "conventions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ConventionId = table.Column<Guid>(type: "uuid", nullable: false),
                    MeetsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodEndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Renew = table.Column<bool>(type: "boolean", nullable: true),
                    Minutes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_committees", x => x.Id);
                    table.ForeignKey(
                        name: "FK_committees_conventions_ConventionId",
                        column: x => x.ConventionId,
                        principalSchema: "conventions",
                        principalTable: "conventions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "convention_history",
                schema: "conventions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Kind = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Detail = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ConventionId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_convention_history", x => x.Id);
                    table.ForeignKey(
                        name: "FK_convention_history_conventions_ConventionId",
                        column: x => x.ConventionId,
                        principalSchema: "conventions",
                        principalTable: "conventions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "convention_signatures",
                schema: "conventions",
                columns: table => new
                {
                    Party = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ConventionId = table.Column<Guid>(type: "uuid", nullable: false),
                    SignatoryName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SignatoryTitle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Place = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_convention_signatures", x => new { x.ConventionId, x.Party });
                    table.ForeignKey(
                        name: "FK_convention_signatures_conventions_ConventionId",
                        column: x => x.ConventionId,
                        principalSchema: "conventions",
                        principalTable: "conventions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "publication_approvals",
                schema: "conventions",
                columns: table => new
                {
                    Party = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PublicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ApprovedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_publication_approvals", x => new { x.PublicationId, x.Party });
                    table.ForeignKey(
                        name: "FK_publication_approvals_publications_PublicationId",
                        column: x => x.PublicationId,
                        principalSchema: "conventions",
                        principalTable: "publications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_amendments_ConventionId_Number",
                schema: "conventions",
                table: "amendments",
                columns: new[] { "ConventionId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_committees_ConventionId",
                schema: "conventions",
                table: "committees",
                column: "ConventionId");

            migrationBuilder.CreateIndex(
                name: "IX_convention_history_ConventionId",
                schema: "conventions",
                table: "convention_history",
                column: "ConventionId");

            migrationBuilder.CreateIndex(
                name: "IX_conventions_NextDueOn_Id",
                schema: "conventions",
                table: "conventions",
                columns: new[] { "NextDueOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_conventions_OperatorOrganizationId",
                schema: "conventions",
                table: "conventions",
                column: "OperatorOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_conventions_PartnerOrganizationId",
                schema: "conventions",
                table: "conventions",
                column: "PartnerOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_conventions_Status_NextDueOn",
                schema: "conventions",
                table: "conventions",
                columns: new[] { "Status", "NextDueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_conventions_UpdatedAt",
                schema: "conventions",
                table: "conventions",
                column: "UpdatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_idempotency_CreatedAt",
                schema: "conventions",
                table: "idempotency",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_outbox_ProcessedAt_NextAttemptAt",
                schema: "conventions",
                table: "outbox",
                columns: new[] { "ProcessedAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_publications_ConventionId",
                schema: "conventions",
                table: "publications",
                column: "ConventionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "amendment_signatures",
                schema: "conventions");

            migrationBuilder.DropTable(
                name: "committees",
                schema: "conventions");

            migrationBuilder.DropTable(
                name: "convention_history",
                schema: "conventions");

            migrationBuilder.DropTable(
                name: "convention_signatures",
                schema: "conventions");

            migrationBuilder.DropTable(
                name: "idempotency",
                schema: "conventions");

            migrationBuilder.DropTable(
                name: "inbox",
                schema: "conventions");

            migrationBuilder.DropTable(
                name: "outbox",
                schema: "conventions");

            migrationBuilder.DropTable(
                name: "publication_approvals",
                schema: "conventions");

            migrationBuilder.DropTable(
                name: "amendments",
                schema: "conventions");

            migrationBuilder.DropTable(
                name: "conventions",
                schema: "conventions");

            migrationBuilder.DropTable(
                name: "publications",
                schema: "conventions");
        }
    }
}
