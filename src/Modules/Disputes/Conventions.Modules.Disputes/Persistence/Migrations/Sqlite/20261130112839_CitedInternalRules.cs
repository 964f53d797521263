using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conventions.Modules.Disputes.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class CitedInternalRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "CitedRulesAcknowledgedAt",
                table: "disputes_disputes",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CitedRulesAcknowledgedBy",
                table: "disputes_disputes",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CitedRulesSha256",
                table: "disputes_disputes",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CitedRulesTitle",
                table: "disputes_disputes",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "CitedRulesVenueId",
                table: "disputes_disputes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CitedRulesVenueName",
                table: "disputes_disputes",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CitedRulesVersion",
                table: "disputes_disputes",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CitedRulesAcknowledgedAt",
                table: "disputes_disputes");

            migrationBuilder.DropColumn(
                name: "CitedRulesAcknowledgedBy",
                table: "disputes_disputes");

            migrationBuilder.DropColumn(
                name: "CitedRulesSha256",
                table: "disputes_disputes");

            migrationBuilder.DropColumn(
                name: "CitedRulesTitle",
                table: "disputes_disputes");

            migrationBuilder.DropColumn(
                name: "CitedRulesVenueId",
                table: "disputes_disputes");

            migrationBuilder.DropColumn(
                name: "CitedRulesVenueName",
                table: "disputes_disputes");

            migrationBuilder.DropColumn(
                name: "CitedRulesVersion",
                table: "disputes_disputes");
        }
    }
}
