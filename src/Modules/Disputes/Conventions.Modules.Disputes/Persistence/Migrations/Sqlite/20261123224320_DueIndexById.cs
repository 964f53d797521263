using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conventions.Modules.Disputes.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class DueIndexById : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_disputes_disputes_NextDueOn",
                table: "disputes_disputes");

            migrationBuilder.CreateIndex(
                name: "IX_disputes_disputes_NextDueOn_Id",
                table: "disputes_disputes",
                columns: new[] { "NextDueOn", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_disputes_disputes_NextDueOn_Id",
                table: "disputes_disputes");

            migrationBuilder.CreateIndex(
                name: "IX_disputes_disputes_NextDueOn",
                table: "disputes_disputes",
                column: "NextDueOn");
        }
    }
}
