using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conventions.Modules.Scheduling.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class VenueOpeningHours : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "opening_hours",
                columns: table => new
                {
                    DayOfWeek = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Opens = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    VenueId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Closes = table.Column<TimeOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_opening_hours", x => new { x.VenueId, x.DayOfWeek, x.Opens });
                    table.ForeignKey(
                        name: "FK_opening_hours_scheduling_venues_VenueId",
                        column: x => x.VenueId,
                        principalTable: "scheduling_venues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "opening_hours");
        }
    }
}
