# escape=`
FROM mcr.microsoft.com/windows/servercore:ltsc2022
RUN powershell -Command `
    sudo-less Write-Host hi
USER ContainerUser
