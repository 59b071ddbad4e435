class UsersController < ApplicationController
  def show
    # ruleid: rb.sql-injection
    @users = User.where("name = '#{params[:name]}'")
    # ok: rb.sql-injection
    @same = User.where(name: params[:name])
    # ok: rb.sql-injection
    @also = User.where("name = ?", params[:name])
  end
end
