using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conventions.Modules.Notices.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    internal partial class PerRecipientDelivery : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DeliveredAt",
                schema: "notices",
                table: "notice_recipients",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LastError",
                schema: "notices",
                table: "notice_recipients",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            // Recipients of notices delivered before delivery was per recipient were delivered with their notice.
            migrationBuilder.Sql("UPDATE r SET r.[DeliveredAt] = n.[DeliveredAt] FROM [notices].[notice_recipients] r JOIN [notices].[notices] n ON n.[Id] = r.[NoticeId] WHERE r.[DeliveredAt] IS NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DeliveredAt",
                schema: "notices",
                table: "notice_recipients");

            migrationBuilder.DropColumn(
                name: "LastError",
                schema: "notices",
                table: "notice_recipients");
        }
    }
}
