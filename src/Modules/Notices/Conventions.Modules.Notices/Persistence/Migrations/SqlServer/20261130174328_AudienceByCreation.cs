using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conventions.Modules.Notices.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    internal partial class AudienceByCreation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_notice_audience_OrganizationId",
                schema: "notices",
                table: "notice_audience");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CreatedAt",
                schema: "notices",
                table: "notice_audience",
                type: "datetimeoffset",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            // Each organization's row of a notice takes the notice's creation instant.
            migrationBuilder.Sql(@"UPDATE a SET a.[CreatedAt] = n.[CreatedAt] FROM [notices].[notice_audience] AS a INNER JOIN [notices].[notices] AS n ON n.[Id] = a.[NoticeId];");

            migrationBuilder.CreateIndex(
                name: "IX_notice_audience_OrganizationId_CreatedAt_NoticeId",
                schema: "notices",
                table: "notice_audience",
                columns: new[] { "OrganizationId", "CreatedAt", "NoticeId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_notice_audience_OrganizationId_CreatedAt_NoticeId",
                schema: "notices",
                table: "notice_audience");

            migrationBuilder.DropColumn(
                name: "CreatedAt",
                schema: "notices",
                table: "notice_audience");

            migrationBuilder.CreateIndex(
                name: "IX_notice_audience_OrganizationId",
                schema: "notices",
                table: "notice_audience",
                column: "OrganizationId");
        }
    }
}
