using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conventions.Modules.Disputes.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class CitedInternalRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CitedRulesAcknowledgedAt",
                schema: "disputes",
                table: "disputes",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CitedRulesAcknowledgedBy",
                schema: "disputes",
                table: "disputes",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CitedRulesSha256",
                schema: "disputes",
                table: "disputes",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CitedRulesTitle",
                schema: "disputes",
                table: "disputes",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "CitedRulesVenueId",
                schema: "disputes",
                table: "disputes",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CitedRulesVenueName",
                schema: "disputes",
                table: "disputes",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CitedRulesVersion",
                schema: "disputes",
                table: "disputes",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CitedRulesAcknowledgedAt",
                schema: "disputes",
                table: "disputes");

            migrationBuilder.DropColumn(
                name: "CitedRulesAcknowledgedBy",
                schema: "disputes",
                table: "disputes");

            migrationBuilder.DropColumn(
                name: "CitedRulesSha256",
                schema: "disputes",
                table: "disputes");

            migrationBuilder.DropColumn(
                name: "CitedRulesTitle",
                schema: "disputes",
                table: "disputes");

            migrationBuilder.DropColumn(
                name: "CitedRulesVenueId",
                schema: "disputes",
                table: "disputes");

            migrationBuilder.DropColumn(
                name: "CitedRulesVenueName",
                schema: "disputes",
                table: "disputes");

            migrationBuilder.DropColumn(
                name: "CitedRulesVersion",
                schema: "disputes",
                table: "disputes");
        }
    }
}
