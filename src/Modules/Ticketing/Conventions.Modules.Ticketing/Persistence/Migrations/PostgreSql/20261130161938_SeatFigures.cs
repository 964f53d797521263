using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conventions.Modules.Ticketing.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class SeatFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "beneficiary_seasons",
                schema: "ticketing",
                columns: table => new
                {
                    BeneficiaryId = table.Column<Guid>(type: "uuid", nullable: false),
                    Season = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_beneficiary_seasons", x => new { x.BeneficiaryId, x.Season });
                });

            migrationBuilder.CreateTable(
                name: "organization_season_seats",
                schema: "ticketing",
                columns: table => new
                {
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Season = table.Column<int>(type: "integer", nullable: false),
                    Booked = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_organization_season_seats", x => new { x.Season, x.OrganizationId });
                });

            migrationBuilder.CreateTable(
                name: "seat_figure_changes",
                schema: "ticketing",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    BeneficiaryId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_seat_figure_changes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "seat_figures_state",
                schema: "ticketing",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Refreshes = table.Column<long>(type: "bigint", nullable: false),
                    BuiltAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RefreshedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_seat_figures_state", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "session_seat_figures",
                schema: "ticketing",
                columns: table => new
                {
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Booked = table.Column<long>(type: "bigint", nullable: false),
                    Used = table.Column<long>(type: "bigint", nullable: false),
                    Promotions = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_session_seat_figures", x => x.SessionId);
                });

            migrationBuilder.InsertData(
                schema: "ticketing",
                table: "seat_figures_state",
                columns: new[] { "Id", "BuiltAt", "RefreshedAt", "Refreshes" },
                values: new object[] { 1, null, null, 0L });

            migrationBuilder.CreateIndex(
                name: "IX_beneficiary_seasons_Season_BeneficiaryId",
                schema: "ticketing",
                table: "beneficiary_seasons",
                columns: new[] { "Season", "BeneficiaryId" });

            migrationBuilder.CreateIndex(
                name: "IX_organization_season_seats_OrganizationId",
                schema: "ticketing",
                table: "organization_season_seats",
                column: "OrganizationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "beneficiary_seasons",
                schema: "ticketing");

            migrationBuilder.DropTable(
                name: "organization_season_seats",
                schema: "ticketing");

            migrationBuilder.DropTable(
                name: "seat_figure_changes",
                schema: "ticketing");

            migrationBuilder.DropTable(
                name: "seat_figures_state",
                schema: "ticketing");

            migrationBuilder.DropTable(
                name: "session_seat_figures",
                schema: "ticketing");
        }
    }
}
