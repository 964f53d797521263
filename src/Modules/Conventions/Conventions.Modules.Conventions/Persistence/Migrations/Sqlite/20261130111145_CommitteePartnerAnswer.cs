using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conventions.Modules.Conventions.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class CommitteePartnerAnswer : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "PartnerAgrees",
                table: "conventions_committees",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PartnerAnsweredAt",
                table: "conventions_committees",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "PartnerAnsweredBy",
                table: "conventions_committees",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PartnerComment",
                table: "conventions_committees",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PartnerAgrees",
                table: "conventions_committees");

            migrationBuilder.DropColumn(
                name: "PartnerAnsweredAt",
                table: "conventions_committees");

            migrationBuilder.DropColumn(
                name: "PartnerAnsweredBy",
                table: "conventions_committees");

            migrationBuilder.DropColumn(
                name: "PartnerComment",
                table: "conventions_committees");
        }
    }
}
