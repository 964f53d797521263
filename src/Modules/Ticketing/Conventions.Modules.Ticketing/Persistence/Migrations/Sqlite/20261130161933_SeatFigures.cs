using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conventions.Modules.Ticketing.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class SeatFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ticketing_beneficiary_seasons",
                columns: table => new
                {
                    BeneficiaryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Season = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ticketing_beneficiary_seasons", x => new { x.BeneficiaryId, x.Season });
                });

            migrationBuilder.CreateTable(
                name: "ticketing_organization_season_seats",
                columns: table => new
                {
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Season = table.Column<int>(type: "INTEGER", nullable: false),
                    Booked = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ticketing_organization_season_seats", x => new { x.Season, x.OrganizationId });
                });

            migrationBuilder.CreateTable(
                name: "ticketing_seat_figure_changes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BeneficiaryId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ticketing_seat_figure_changes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ticketing_seat_figures_state",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Refreshes = table.Column<long>(type: "INTEGER", nullable: false),
                    BuiltAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RefreshedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ticketing_seat_figures_state", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ticketing_session_seat_figures",
                columns: table => new
                {
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Booked = table.Column<long>(type: "INTEGER", nullable: false),
                    Used = table.Column<long>(type: "INTEGER", nullable: false),
                    Promotions = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ticketing_session_seat_figures", x => x.SessionId);
                });

            migrationBuilder.InsertData(
                table: "ticketing_seat_figures_state",
                columns: new[] { "Id", "BuiltAt", "RefreshedAt", "Refreshes" },
                values: new object[] { 1, null, null, 0L });

            migrationBuilder.CreateIndex(
                name: "IX_ticketing_beneficiary_seasons_Season_BeneficiaryId",
                table: "ticketing_beneficiary_seasons",
                columns: new[] { "Season", "BeneficiaryId" });

            migrationBuilder.CreateIndex(
                name: "IX_ticketing_organization_season_seats_OrganizationId",
                table: "ticketing_organization_season_seats",
                column: "OrganizationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ticketing_beneficiary_seasons");

            migrationBuilder.DropTable(
                name: "ticketing_organization_season_seats");

            migrationBuilder.DropTable(
                name: "ticketing_seat_figure_changes");

            migrationBuilder.DropTable(
                name: "ticketing_seat_figures_state");

            migrationBuilder.DropTable(
                name: "ticketing_session_seat_figures");
        }
    }
}
