using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conventions.Modules.Conventions.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class CommitteePartnerAnswer : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "PartnerAgrees",
                schema: "conventions",
                table: "committees",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PartnerAnsweredAt",
                schema: "conventions",
                table: "committees",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "PartnerAnsweredBy",
                schema: "conventions",
                table: "committees",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PartnerComment",
                schema: "conventions",
                table: "committees",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PartnerAgrees",
                schema: "conventions",
                table: "committees");

            migrationBuilder.DropColumn(
                name: "PartnerAnsweredAt",
                schema: "conventions",
                table: "committees");

            migrationBuilder.DropColumn(
                name: "PartnerAnsweredBy",
                schema: "conventions",
                table: "committees");

            migrationBuilder.DropColumn(
                name: "PartnerComment",
                schema: "conventions",
                table: "committees");
        }
    }
}
