using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Conventions.Modules.Notices.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class PostgreSqlInitial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "notices");

            migrationBuilder.CreateTable(
                name: "idempotency",
                schema: "notices",
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
                schema: "notices",
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
                name: "notices",
                schema: "notices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SourceEventId = table.Column<Guid>(type: "uuid", nullable: false),
                    DeduplicationKey = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Kind = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Subject = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    BodyHtml = table.Column<string>(type: "text", nullable: false),
                    ConventionId = table.Column<Guid>(type: "uuid", nullable: true),
                    DisputeId = table.Column<Guid>(type: "uuid", nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DeliveredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "outbox",
                schema: "notices",
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
                name: "notice_audience",
                schema: "notices",
                columns: table => new
                {
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    NoticeId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notice_audience", x => new { x.NoticeId, x.OrganizationId });
                    table.ForeignKey(
                        name: "FK_notice_audience_notices_NoticeId",
                        column: x => x.NoticeId,
                        principalSchema: "notices",
                        principalTable: "notices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "notice_recipients",
                schema: "notices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: true),
                    DeliveredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    NoticeId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notice_recipients", x => x.Id);
                    table.ForeignKey(
                        name: "FK_notice_recipients_notices_NoticeId",
                        column: x => x.NoticeId,
                        principalSchema: "notices",
                        principalTable: "notices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_idempotency_CreatedAt",
                schema: "notices",
                table: "idempotency",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_notice_audience_OrganizationId",
                schema: "notices",
                table: "notice_audience",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_notice_recipients_NoticeId",
                schema: "notices",
                table: "notice_recipients",
                column: "NoticeId");

            migrationBuilder.CreateIndex(
                name: "IX_notices_ConventionId",
                schema: "notices",
                table: "notices",
                column: "ConventionId");

            migrationBuilder.CreateIndex(
                name: "IX_notices_DeduplicationKey",
                schema: "notices",
                table: "notices",
                column: "DeduplicationKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_notices_DisputeId",
                schema: "notices",
                table: "notices",
                column: "DisputeId");

            migrationBuilder.CreateIndex(
                name: "IX_notices_SourceEventId",
                schema: "notices",
                table: "notices",
                column: "SourceEventId");

            migrationBuilder.CreateIndex(
                name: "IX_notices_Status_NextAttemptAt",
                schema: "notices",
                table: "notices",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_ProcessedAt_NextAttemptAt",
                schema: "notices",
                table: "outbox",
                columns: new[] { "ProcessedAt", "NextAttemptAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "idempotency",
                schema: "notices");

            migrationBuilder.DropTable(
                name: "inbox",
                schema: "notices");

            migrationBuilder.DropTable(
                name: "notice_audience",
                schema: "notices");

            migrationBuilder.DropTable(
                name: "notice_recipients",
                schema: "notices");

            migrationBuilder.DropTable(
                name: "outbox",
                schema: "notices");

            migrationBuilder.DropTable(
                name: "notices",
                schema: "notices");
        }
    }
}
