using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Conventions.Modules.Disputes.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class PostgreSqlInitial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "disputes");

            migrationBuilder.CreateTable(
                name: "disputes",
                schema: "disputes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ConventionId = table.Column<Guid>(type: "uuid", nullable: false),
                    TemplateKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    OperatorOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnerOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Policy = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RaisedBy = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Grounds = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    NoticeChannel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    NoticeSentOn = table.Column<DateOnly>(type: "date", nullable: true),
                    NotifiedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ExplanationSubmittedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ExplanationText = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    AgreedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RemediedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AgreementProposedBy = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    AgreementProposedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AgreementProposal = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    AgreementAcceptedBy = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    RowVersion = table.Column<int>(type: "integer", nullable: false),
                    ResolutionSummary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    TerminationSentOn = table.Column<DateOnly>(type: "date", nullable: true),
                    TerminationTrackingNumber = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    NextDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_disputes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "idempotency",
                schema: "disputes",
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
                schema: "disputes",
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
                schema: "disputes",
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
                name: "dispute_deadlines",
                schema: "disputes",
                columns: table => new
                {
                    Name = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    DisputeId = table.Column<Guid>(type: "uuid", nullable: false),
                    StartsFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    Period = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    NominalDueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Explanation = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ReminderOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ReminderSent = table.Column<bool>(type: "boolean", nullable: false),
                    Passed = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dispute_deadlines", x => new { x.DisputeId, x.Name });
                    table.ForeignKey(
                        name: "FK_dispute_deadlines_disputes_DisputeId",
                        column: x => x.DisputeId,
                        principalSchema: "disputes",
                        principalTable: "disputes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "dispute_events",
                schema: "disputes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Kind = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Detail = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    DisputeId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dispute_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_dispute_events_disputes_DisputeId",
                        column: x => x.DisputeId,
                        principalSchema: "disputes",
                        principalTable: "disputes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_dispute_events_DisputeId",
                schema: "disputes",
                table: "dispute_events",
                column: "DisputeId");

            migrationBuilder.CreateIndex(
                name: "IX_disputes_ConventionId",
                schema: "disputes",
                table: "disputes",
                column: "ConventionId");

            migrationBuilder.CreateIndex(
                name: "IX_disputes_NextDueOn_Id",
                schema: "disputes",
                table: "disputes",
                columns: new[] { "NextDueOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_disputes_UpdatedAt",
                schema: "disputes",
                table: "disputes",
                column: "UpdatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_idempotency_CreatedAt",
                schema: "disputes",
                table: "idempotency",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_outbox_ProcessedAt_NextAttemptAt",
                schema: "disputes",
                table: "outbox",
                columns: new[] { "ProcessedAt", "NextAttemptAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dispute_deadlines",
                schema: "disputes");

            migrationBuilder.DropTable(
                name: "dispute_events",
                schema: "disputes");

            migrationBuilder.DropTable(
                name: "idempotency",
                schema: "disputes");

            migrationBuilder.DropTable(
                name: "inbox",
                schema: "disputes");

            migrationBuilder.DropTable(
                name: "outbox",
                schema: "disputes");

            migrationBuilder.DropTable(
                name: "disputes",
                schema: "disputes");
        }
    }
}
